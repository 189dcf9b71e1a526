"""The desktop GUI-agent prompt: the official structure, the real OS, at most 4 half-size history screenshots."""

from __future__ import annotations

import io

from PIL import Image

from desktop_helper.core.geometry import CaptureGeometry, Monitor, Rect
from desktop_helper.core.types import ImagePart, Message, TextPart
from desktop_helper.platform.system import OSName, fake_os
from desktop_helper.prompts.gui_agent import OMITTED, HistoryStep, action_space, build_agent_message, half_size


def _png(width: int, height: int, color: str = "red") -> ImagePart:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    monitor = Monitor(1, "m", Rect(0, 0, width, height))
    return ImagePart(buffer.getvalue(), "image/png", width, height, CaptureGeometry(monitor, monitor.physical, (width, height)))


def _text(message: Message) -> str:
    return "".join(p.text for p in message.parts if isinstance(p, TextPart))


def test_sections_in_order_and_all_actions() -> None:
    with fake_os("windows"):
        message = build_agent_message("Open the settings", _png(64, 48))
    text = _text(message)
    headings = [
        "# Task:",
        "# Task Platform",
        "# Action Space",
        "# Historical Actions and Current Memory",
        "History:",
        "Memory:",
        "# Output Format",
        "# Some Additional Notes",
        "Current Screenshot:",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "# Task Platform\nWindows\n" in text
    assert "Open the settings" in text
    for call in (
        "left_click",
        "right_click",
        "middle_click",
        "hover(",
        "left_double_click(",
        "left_drag(",
        "key(keys=",
        "type(content=",
        "scroll(",
        "WAIT()",
        "DONE()",
        "FAIL()",
    ):
        assert call in action_space()
    assert "0-999" in text
    assert message.role == "user"
    # the current screenshot comes last, at full size
    assert isinstance(message.parts[-1], ImagePart)
    assert message.parts[-1].width == 64


def test_platform_follows_the_real_os() -> None:
    cases: tuple[tuple[OSName, str], ...] = (("linux", "Linux"), ("macos", "macOS"), ("windows", "Windows"))
    for os_name, shown in cases:
        with fake_os(os_name):
            assert f"# Task Platform\n{shown}\n" in _text(build_agent_message("t", _png(8, 8)))


def test_history_keeps_only_four_latest_screenshots_half_size() -> None:
    shot = _png(200, 100)
    history = [HistoryStep(f"thought {n}", f"left_click(start_box='[{n},{n}]')", half_size(shot)) for n in range(1, 7)]
    message = build_agent_message("task", shot, history, '[{"k": "v"}]')
    images = message.images
    assert len(images) == 5  # four history screenshots + the current one
    assert all((i.width, i.height) == (100, 50) for i in images[:4])
    assert (images[-1].width, images[-1].height) == (200, 100)
    text = _text(message)
    assert text.count(OMITTED) == 2
    assert f"step 1: Screenshot:{OMITTED} Thought: thought 1\nAction: left_click(start_box='[1,1]')" in text
    assert f"step 2: Screenshot:{OMITTED}" in text
    assert f"step 3: Screenshot:{OMITTED}" not in text
    assert 'Memory:\n[{"k": "v"}]\n# Output Format' in text
    # each history image sits right after its own step's "Screenshot:"
    for index, part in enumerate(message.parts):
        if isinstance(part, ImagePart) and part is not message.parts[-1]:
            before = message.parts[index - 1]
            assert isinstance(before, TextPart)
            assert before.text.endswith("Screenshot:")


def test_half_size_is_half() -> None:
    small = half_size(_png(301, 99))
    assert (small.width, small.height) == (150, 49)
    with Image.open(io.BytesIO(small.data)) as image:
        assert image.size == (150, 49)
    assert small.geometry is None
