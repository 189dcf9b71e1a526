"""The chat window on the real X server: streaming, thinking, Markdown, boxes, history, edit and regenerate."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_helper.backends.base import ChatRequest
from desktop_helper.backends.scripted import ScriptedBackend
from desktop_helper.core.geometry import CaptureGeometry
from desktop_helper.core.types import ImagePart, TextPart
from desktop_helper.history.store import HistoryStore
from desktop_helper.settings.paths import app_paths
from desktop_helper.settings.store import Settings
from desktop_helper.ui.backend_service import BackendService
from desktop_helper.ui.chat_window import ChatWindow
from tests.fixtures.chat_window import ChatOnProfile

pytestmark = [pytest.mark.gui]

BOXED_ANSWER = (
    "<think>The user wants the blue square. It sits in the middle.</think>"
    "## Found it\n\nThe **blue square** is here: <|begin_of_box|>[250,250,750,750]<|end_of_box|>\n\n"
    "| item | where |\n|---|---|\n| square | centre |\n\n```python\nprint('hi')\n```\n"
)


class Harness(ChatOnProfile):
    """The chat window answering from a script."""

    def __init__(self, qtbot: QtBot, tmp_path: Path, script: list[str], delay: float = 0.0) -> None:
        self.backend = ScriptedBackend(script, chunk_size=3, delay=delay)
        super().__init__(qtbot, tmp_path, self.backend)


@pytest.fixture
def make_harness(qtbot: QtBot, tmp_path: Path) -> Iterator:
    made: list[Harness] = []

    def make(script: list[str], delay: float = 0.0) -> Harness:
        harness = Harness(qtbot, tmp_path, script, delay)
        made.append(harness)
        return harness

    yield make
    for harness in made:
        harness.close()


def _rgb(pixel: object) -> tuple[int, int, int]:
    assert isinstance(pixel, tuple)
    return int(pixel[0]), int(pixel[1]), int(pixel[2])


def _png(size: tuple[int, int] = (560, 420)) -> bytes:
    image = Image.new("RGB", size, "white")
    image.paste((40, 90, 220), (size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_streams_markdown_thinking_and_boxes_and_saves_history(make_harness, qtbot: QtBot) -> None:
    h = make_harness([BOXED_ANSWER])
    capture = ImagePart(_png(), "image/png", 560, 420, name="capture.png")
    h.window.attach_images([capture])
    assert len(h.window.attachments.attachments()) == 1
    answer_id = h.ask("Where is the blue square?")

    # what was sent: the image (resized to the detail budget) before the question, thinking on
    request: ChatRequest = h.backend.requests[-1]
    user = request.messages[-1]
    assert [type(p).__name__ for p in user.parts] == ["ImagePart", "TextPart"]
    assert isinstance(user.parts[1], TextPart)
    assert user.parts[1].text == "Where is the blue square?"
    assert request.thinking is True

    # history holds both turns, the answer complete, its thinking apart
    stored = h.history.messages(h.window.conversation_id)
    assert [m.role for m in stored] == ["user", "assistant"]
    assert stored[1].status == "complete"
    assert stored[1].thinking.startswith("The user wants the blue square")
    assert "<think>" not in stored[1].content
    assert stored[0].attachments[0].path.is_file()

    # rendering: Markdown heading, bold, table, highlighted code; thinking collapsed; boxes drawn
    html = h.window.view.toHtml()
    text = h.window.view.toPlainText()
    assert "Found it" in text
    assert "<table" in html
    assert "print" in text
    assert "font-weight:700" in html or "font-weight:600" in html  # bold text and the heading
    assert "Thinking" in text
    assert "It sits in the middle" not in text  # collapsed by default
    h.window.view._toggle_thinking(answer_id)
    assert "It sits in the middle" in h.window.view.toPlainText()
    assert "<|begin_of_box|>" not in text

    # drawn on a worker, then shown under the answer
    qtbot.waitUntil(lambda: h.window._image_for_key(f"boxed:{answer_id}") is not None, timeout=10000)
    boxed = h.window._image_for_key(f"boxed:{answer_id}")
    assert boxed is not None
    assert not boxed.isNull()
    assert h.window.view.messages()[-1].box_note == "1 location the model marked (its estimate)"
    # the outline of the first box colour crosses the image at x = 25% of the width
    y = boxed.height() // 2
    x = boxed.width() // 4
    colours = {boxed.pixelColor(x + dx, y).name() for dx in range(-3, 4)}
    untouched = Image.open(io.BytesIO(_png())).convert("RGB").resize((boxed.width(), boxed.height()))
    before = {"#{:02x}{:02x}{:02x}".format(*_rgb(untouched.getpixel((x + dx, y)))) for dx in range(-3, 4)}
    assert colours != before, "no box outline drawn on the thumbnail"


def test_history_survives_restart_and_lists_searches_renames_deletes(make_harness, qtbot: QtBot) -> None:
    h = make_harness(["The capital of France is **Paris**."])
    h.ask("What is the capital of France?")
    conversation = h.window.conversation_id
    h.close()

    again = make_harness(["second"])
    items = [again.window.conversation_list.item(i) for i in range(again.window.conversation_list.count())]
    assert [i.text() for i in items] == ["What is the capital of France?"]
    again.window.open_conversation(conversation)
    assert "Paris" in again.window.view.toPlainText()

    again.window.search.setText("paris")
    assert again.window.conversation_list.count() == 1
    again.window.search.setText("berlin")
    assert again.window.conversation_list.count() == 0
    again.window.search.setText("")
    again.window.rename_conversation(conversation, "Geography")
    assert again.window.conversation_list.item(0).text() == "Geography"
    again.window.delete_conversation(conversation)
    assert again.window.conversation_list.count() == 0
    assert again.history.conversations() == []


def test_boxes_of_a_stored_answer_are_drawn_again_after_a_restart(make_harness, qtbot: QtBot) -> None:
    h = make_harness([BOXED_ANSWER])
    h.window.attach_images([ImagePart(_png(), "image/png", 560, 420, name="capture.png")])
    answer_id = h.ask("Where is the blue square?")
    conversation = h.window.conversation_id
    h.close()

    # a new window knows nothing of what was sent: the boxes are drawn on the question's stored image
    again = make_harness(["unused"])
    assert conversation is not None
    again.window.open_conversation(conversation)
    qtbot.waitUntil(lambda: again.window.view.messages()[-1].boxed_image is not None, timeout=10000)
    boxed = again.window._image_for_key(f"boxed:{answer_id}")
    assert boxed is not None
    assert not boxed.isNull()
    answer = again.window.view.messages()[-1]
    assert answer.boxed_image is not None
    assert not answer.can_show_on_screen  # the capture's geometry is not kept in the history


def test_stop_keeps_partial_answer_and_regenerate_replaces_it(make_harness, qtbot: QtBot) -> None:
    long_answer = "word " * 400
    h = make_harness([long_answer, "short answer"], delay=0.01)
    h.window.input.setPlainText("Tell me a long story")
    with qtbot.waitSignal(h.window.generation_finished, timeout=20000) as blocker:
        h.window.send()
        qtbot.waitUntil(lambda: len(h.window.view.toPlainText()) > 200, timeout=5000)
        h.window.stop()
    message = h.history.message(int(blocker.args[0]))
    assert message.status == "cancelled"
    assert 0 < len(message.content) < len(long_answer)
    with qtbot.waitSignal(h.window.generation_finished, timeout=10000) as again:
        h.window.regenerate(message.id)
    stored = h.history.messages(h.window.conversation_id)
    assert [m.role for m in stored] == ["user", "assistant"]
    assert stored[-1].content == "short answer"
    assert stored[-1].id == again.args[0]


def test_edit_and_resend_replaces_the_question_and_what_followed(make_harness, qtbot: QtBot) -> None:
    h = make_harness(["first answer", "second answer"])
    h.ask("make the button red")
    first_question = h.history.messages(h.window.conversation_id)[0]
    h.window.edit(first_question.id)
    assert h.window.input.toPlainText() == "make the button red"
    h.window.input.setPlainText("make the button blue")
    with qtbot.waitSignal(h.window.generation_finished, timeout=10000):
        h.window.send()
    stored = h.history.messages(h.window.conversation_id)
    assert [(m.role, m.content) for m in stored] == [("user", "make the button blue"), ("assistant", "second answer")]
    # the model saw only the edited question
    assert [m.text_content for m in h.backend.requests[-1].messages] == ["make the button blue"]


def test_html_answer_preview_writes_page_and_opens_it(make_harness, qtbot: QtBot) -> None:
    page = "<!doctype html><html><body><button style='color:blue'>OK</button></body></html>"
    h = make_harness([f"Here is the page:\n\n```html\n{page}\n```\n"])
    opened: list[QUrl] = []
    h.window.open_url = opened.append
    answer = h.ask("turn this screenshot into HTML")
    assert "Preview" in h.window.view.toPlainText()
    written = h.window.preview(answer)
    assert written is not None
    assert written.read_text().strip() == page
    assert opened[0].toLocalFile() == str(written)


def test_system_prompt_detail_and_thinking_controls_shape_the_request(make_harness, qtbot: QtBot) -> None:
    h = make_harness(["ok"])
    h.window.set_system_prompt("Answer in one word.")
    h.window.thinking_box.setChecked(False)
    h.window.detail_box.setCurrentIndex(0)  # low: 256 tokens per image
    h.window.attach_images([ImagePart(_png((1920, 1080)), "image/png", 1920, 1080, name="big.png")])
    assert "256" in h.window.tokens_label.text()
    assert h.window.estimated_image_tokens() <= 256
    h.ask("describe")
    request = h.backend.requests[-1]
    assert request.messages[0].role == "system"
    assert request.messages[0].text_content == "Answer in one word."
    assert request.thinking is False
    image = request.messages[1].images[0]
    assert (image.width // 28) * (image.height // 28) <= 256
    assert h.history.conversation(h.window.conversation_id).system_prompt == "Answer in one word."


def test_show_on_screen_calls_the_overlay_with_the_capture_geometry(make_harness, qtbot: QtBot) -> None:
    from desktop_helper.core.geometry import Monitor, Rect

    h = make_harness([BOXED_ANSWER])
    calls = []

    class Overlay:
        def show_boxes_on_screen(self, answer: str, geometry: CaptureGeometry) -> object:
            calls.append((answer, geometry))
            return None

    h.window.set_overlay(Overlay())
    monitor = Monitor(1, "Xvfb", Rect(0, 0, 1920, 1080))
    geometry = CaptureGeometry(monitor, Rect(100, 100, 560, 420))
    h.window.attach_images([ImagePart(_png(), "image/png", 560, 420, geometry=geometry, name="capture")])
    answer = h.ask("where?")
    qtbot.waitUntil(lambda: "Show on screen" in h.window.view.toPlainText(), timeout=10000)
    h.window.show_on_screen(answer)
    assert calls
    assert "begin_of_box" in calls[0][0]


def test_an_answer_about_no_image_never_takes_the_capture_of_the_answer_it_replaced(make_harness, qtbot: QtBot) -> None:
    from desktop_helper.core.geometry import Monitor, Rect

    h = make_harness([BOXED_ANSWER, BOXED_ANSWER])
    geometry = CaptureGeometry(Monitor(1, "Xvfb", Rect(0, 0, 1920, 1080)), Rect(100, 100, 560, 420))
    h.window.attach_images([ImagePart(_png(), "image/png", 560, 420, geometry=geometry, name="capture")])
    first = h.ask("where?")
    qtbot.waitUntil(lambda: h.window.view.messages()[-1].can_show_on_screen, timeout=10000)
    question = h.history.messages(h.window.conversation_id)[0]
    h.window.edit(question.id)
    h.window.attachments.clear()
    h.window.input.setPlainText("where, without the picture?")
    with qtbot.waitSignal(h.window.generation_finished, timeout=10000) as blocker:
        h.window.send()
    assert blocker.args[0] == first  # SQLite hands the deleted answer's id out again
    qtbot.waitUntil(lambda: not h.window._box_jobs, timeout=10000)  # every drawing asked for has come back
    assert not h.window.view.messages()[-1].can_show_on_screen  # no capture, nothing to show on the screen


def test_image_click_enlarges(make_harness, qtbot: QtBot) -> None:
    h = make_harness(["ok"])
    h.window.attach_images([ImagePart(_png(), "image/png", 560, 420, name="x.png")])
    h.ask("what")
    key = h.window.view.messages()[0].images[0].key
    h.window.enlarge_image(key)
    viewer = h.window._viewers[-1]
    qtbot.waitExposed(viewer)
    label = viewer.findChild(QLabel)
    assert label is not None
    assert (label.pixmap().width(), label.pixmap().height()) == (560, 420)
    viewer.close()


def test_long_conversation_opens_with_the_latest_messages_and_loads_earlier_ones(make_harness, qtbot: QtBot) -> None:
    h = make_harness(["ok"])
    conversation = h.history.create_conversation(title="long")
    for index in range(65):
        h.history.add_message(conversation.id, "user", f"question {index}")
        h.history.add_message(conversation.id, "assistant", f"answer **{index}**")
    h.window.reload_conversations()
    h.window.open_conversation(conversation.id)
    text = h.window.view.toPlainText()
    assert "answer 64" in text
    assert "question 0\n" not in text
    assert "Show 70 earlier messages" in text
    h.window.view.show_earlier()
    text = h.window.view.toPlainText()
    assert "Show 10 earlier messages" in text
    h.window.view.show_earlier()
    assert "question 0\n" in h.window.view.toPlainText()
    assert h.window.view.hidden_count == 0


def test_show_on_screen_uses_the_real_overlay_when_none_was_given(make_harness, qtbot: QtBot) -> None:
    from desktop_helper.core.geometry import Monitor, Rect

    h = make_harness([BOXED_ANSWER])
    geometry = CaptureGeometry(Monitor(1, "Xvfb", Rect(0, 0, 1920, 1080)), Rect(200, 150, 560, 420))
    h.window.attach_images([ImagePart(_png(), "image/png", 560, 420, geometry=geometry, name="capture")])
    answer = h.ask("where is it?")
    assert h.window.overlay is None
    h.window.show_on_screen(answer)
    overlay = h.window.overlay
    assert overlay is not None
    qtbot.waitUntil(lambda: overlay.visible, timeout=5000)
    shown = [w for w in overlay.windows() if w.isVisible()]
    assert shown
    overlay.clear()
    assert not [w for w in overlay.windows() if w.isVisible()]


def test_mini_window_asks_into_the_conversation_and_streams_the_answer(make_harness, qtbot: QtBot) -> None:
    h = make_harness(["The **mini** answer."])
    h.window.show_mini()
    qtbot.waitExposed(h.window.mini)
    assert h.window.mini.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    h.window.mini.input.setText("quick one")
    with qtbot.waitSignal(h.window.generation_finished, timeout=10000):
        qtbot.keyClick(h.window.mini.input, Qt.Key.Key_Return)
    assert "mini" in h.window.mini.answer.toPlainText()
    assert h.history.messages(h.window.conversation_id)[0].content == "quick one"


def test_pasting_an_image_attaches_it(make_harness, qtbot: QtBot) -> None:
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QImage

    h = make_harness(["ok"])
    data = QMimeData()
    image = QImage.fromData(_png((300, 200)))
    data.setImageData(image)
    h.window.input.insertFromMimeData(data)
    attached = h.window.attachments.attachments()
    assert len(attached) == 1
    assert (attached[0].images[0].width, attached[0].images[0].height) == (300, 200)


def test_interface_in_simplified_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop_helper.ui.i18n import install_translator, language_for, remove_translator

    assert language_for("system", "zh_CN") == "zh_CN"
    assert language_for("system", "de_DE") == "en"
    assert language_for("en", "zh_CN") == "en"
    app = QApplication.instance()
    assert app is not None
    translator = install_translator(app, "system", system_locale="zh_CN")
    assert translator is not None
    try:
        window = ChatWindow(None, None, None, preview_dir=tmp_path)
        qtbot.addWidget(window)
        assert window.send_button.text() == "发送"
        assert window.stop_button.text() == "停止"
        assert window.thinking_box.text() == "深度思考"
        window.shutdown()
    finally:
        remove_translator(app, translator)
    assert install_translator(app, "en") is None


def test_backend_and_model_picker_lists_local_and_each_api_provider(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_helper.settings.providers import from_preset

    paths = app_paths()
    paths.ensure()
    settings = Settings(paths.settings_file)
    settings.set("models.providers", [from_preset("zai", "Z.ai").to_dict()])
    history = HistoryStore(paths.history_db, paths.attachments)
    service = BackendService(settings, None, env={})
    window = ChatWindow(history, service, settings, preview_dir=tmp_path)
    qtbot.addWidget(window)
    try:
        labels = [window.backend_box.itemText(i) for i in range(window.backend_box.count())]
        assert labels[0].startswith("Local model")
        assert labels[1].startswith("Z.ai")
        # choosing the API provider makes it active and loads it; without a key it says so
        with qtbot.waitSignal(service.state_changed, timeout=10000, check_params_cb=lambda text: "key" in text.lower()):
            window.backend_box.setCurrentIndex(1)
            window.backend_box.activated.emit(1)
        assert settings.get("models.backend") == "openai_compat"
        assert settings.get("models.active_provider") == "Z.ai"
        models = [window.model_box.itemText(i) for i in range(window.model_box.count())]
        assert "glm-4.6v" in models
        assert window.model_box.isEnabled()
        assert "API key" in window.status.text()
        window.input.setPlainText("hello")
        window.send()
        assert "API key" in window.notice.text()
        assert history.conversations() == []  # nothing was sent, nothing was saved
        # the local model without a file: a clear message too
        with qtbot.waitSignal(service.state_changed, timeout=10000, check_params_cb=lambda text: "model" in text.lower()):
            window.backend_box.setCurrentIndex(0)
            window.backend_box.activated.emit(0)
        assert not window.model_box.isEnabled()
        qtbot.waitUntil(lambda: not service.loading, timeout=10000)
        assert "No model is set up yet" in window.status.text()
    finally:
        window.shutdown()
        window.close()
        service.shutdown()
        history.close()


def test_boxes_are_drawn_off_the_gui_thread(make_harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Decoding a screenshot, drawing and encoding it again takes a while: never on the GUI thread."""
    import threading

    from desktop_helper.media import annotate

    drawn_on: list[str] = []
    draw = annotate.draw_items_on_png

    def drawing(data: bytes, items: object) -> bytes:
        drawn_on.append(threading.current_thread().name)
        return draw(data, items)  # type: ignore[arg-type]

    monkeypatch.setattr(annotate, "draw_items_on_png", drawing)
    h = make_harness([BOXED_ANSWER])
    h.window.attach_images([ImagePart(_png(), "image/png", 560, 420, name="capture.png")])
    answer_id = h.ask("Where is the blue square?")
    qtbot.waitUntil(lambda: h.window._image_for_key(f"boxed:{answer_id}") is not None, timeout=10000)
    assert drawn_on
    assert threading.main_thread().name not in drawn_on
