"""Journey (g): a person who runs the local model switches to an API provider in Settings (real dialog, real
clicks and typing), restarts the app and asks; the answer comes from the provider (a small OpenAI-compatible
server on 127.0.0.1, tests/fixtures/servers.py).

Issue 13 item 3: "Use this provider" was undone by OK (the Models page wrote its stale choice back).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.servers import FakeOpenAIServer, text_reply
from tests.fixtures.tiny_model import TinyModel
from tests.journeys.conftest import Desktop, wait_until, write_settings

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ANSWER = "The provider answers: a chat window."


def test_switch_to_an_api_provider_restart_and_ask(
    desktop: Desktop, start_app, fake_openai: FakeOpenAIServer, tiny_glm4v: TinyModel, tmp_path: Path
) -> None:
    fake_openai.script(text_reply("The provider ", "answers: ", "a chat window."))
    profile = tmp_path / "profile"
    write_settings(
        profile, {"models.local_model_path": str(tiny_glm4v.model), "models.local_mmproj_path": str(tiny_glm4v.mmproj)}
    )
    app = start_app(profile)

    # Settings > API providers > Add… > Custom server; fill in the address and the model; use it; OK
    assert app.cli("settings").returncode == 0
    desktop.window("^Settings")
    desktop.click_node(app.widget("API providers", "list item"))
    desktop.click_node(app.widget("Add…"))
    desktop.key("Up", "Return")  # the menu's last entry: Custom server
    url = app.field("Base URL", "text")
    wait_until(lambda: "Custom server" in app.ui().texts(), "the new provider in the list")
    desktop.click_node(url)
    desktop.key("ctrl+a")
    desktop.type(fake_openai.url)
    desktop.key("Tab")
    model = app.field("Model", "combo box")
    desktop.click_node(model)
    desktop.key("ctrl+a")
    desktop.type("test-model")
    desktop.key("Tab")
    # the page is wider than the dialog: typing in the fields scrolled its left part (the provider list
    # and its buttons) out of view; the person scrolls back left (horizontal wheel) to reach the button
    desktop.move(*url.centre())
    for _ in range(15):
        desktop.xdotool("click", "6")
    app.press("Use this provider")
    wait_until(lambda: any(t.startswith("Answers now come from Custom server") for t in app.ui().texts()), "the page to confirm")
    desktop.grab("provider-chosen")
    app.press("OK")
    desktop.no_window("^Settings")
    settings = app.settings_file()
    assert settings.get("models.backend") == "openai_compat", "OK must keep the provider chosen on the API providers page"
    assert settings.get("models.active_provider") == "Custom server"

    # restart, ask in the chat: the provider answers
    app.quit()
    app = start_app(profile)
    assert app.cli("show-chat").returncode == 0
    desktop.window("^Chat")
    wait_until(lambda: app.status()["model"]["ready"], "the provider to be ready")
    desktop.type("What is this window?")
    desktop.key("Return")
    wait_until(
        lambda: [(m["role"], m["content"], m["status"]) for m in app.messages()][-1:] == [("assistant", ANSWER, "complete")],
        "the provider's answer in the chat's history",
        timeout=30,
    )
    request = fake_openai.chat_requests[-1]
    assert request.body["model"] == "test-model"
    assert request.body["messages"][-1]["content"] in ("What is this window?", [{"type": "text", "text": "What is this window?"}])
    desktop.grab("provider-answered")
    app.quit()
