"""A small target application for the GUI-agent tests, run as its own process.

A window with a button and a text field. It reports what it receives to a JSON-lines file:
``ready`` with the button's and the field's global rectangles (physical pixels; the test X server
runs at scale 1), ``clicked`` when the button is pressed (which then focuses the field, as a
"start typing" button would), and ``text`` with the field's full content on every change.

    python -m tests.tools.agent_target_app REPORT_FILE [X Y]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget


def main() -> int:
    report = Path(sys.argv[1])

    def write(kind: str, **data: object) -> None:
        with report.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps({"event": kind, **data}, ensure_ascii=False) + "\n")
            stream.flush()

    app = QApplication([sys.argv[0]])
    window = QWidget()
    window.setWindowTitle("Agent target")
    layout = QVBoxLayout(window)
    button = QPushButton("Start typing")
    button.setMinimumSize(160, 50)
    field = QLineEdit()
    field.setMinimumWidth(300)
    layout.addWidget(button)
    layout.addWidget(field)

    def clicked() -> None:
        write("clicked")
        field.setFocus()

    button.clicked.connect(clicked)
    field.textChanged.connect(lambda text: write("text", text=text))
    window.move(int(sys.argv[2]) if len(sys.argv) > 3 else 300, int(sys.argv[3]) if len(sys.argv) > 3 else 250)
    window.show()

    def announce() -> None:
        if not window.isVisible() or not window.windowHandle().isExposed():
            QTimer.singleShot(50, announce)
            return
        window.activateWindow()

        def rect(widget: QWidget) -> list[int]:
            top_left = widget.mapToGlobal(widget.rect().topLeft())
            return [top_left.x(), top_left.y(), widget.width(), widget.height()]

        write("ready", button=rect(button), field=rect(field))

    QTimer.singleShot(300, announce)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
