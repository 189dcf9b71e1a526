"""Prompts that ask GLM-4.6V for boxes on an image (find on screen, show an answer's boxes).

GLM grounds without special tokens in the question: asked to locate something it answers with
0..1000 normalized boxes. It gives no labels unless asked (GLM-V#118), so the prompt asks for the
JSON list form of the official grounding skill, which carries a label per box; the parser also
accepts every other form the model falls back to.
"""

from __future__ import annotations

from desktop_helper.core.types import ImagePart, Message, TextPart

#: Low temperature: grounding is a lookup, sampling variety only moves the box.
GROUNDING_TEMPERATURE = 0.1


def grounding_instruction(target: str, language: str = "English") -> str:
    """The text of a find-on-screen request for ``target`` (what the user typed)."""
    target = " ".join(target.split()) or "the most important control"
    return (
        f"Find on this screenshot: {target}\n"
        "Give the bounding box of every match as a JSON list, one object per match, most likely first:\n"
        '[{"label": "<short name of the element>", "bbox_2d": [x1, y1, x2, y2]}]\n'
        "Coordinates are integers from 0 to 1000, relative to the image width (x) and height (y); "
        "(x1, y1) is the top-left and (x2, y2) the bottom-right corner. "
        "Answer [] if there is no match. "
        f"Write the labels in {language} and add nothing else."
    )


def grounding_messages(image: ImagePart, target: str, language: str = "English") -> tuple[Message, ...]:
    """One user turn with the image first, as GLM's chat template expects for a single image."""
    return (Message("user", (image, TextPart(grounding_instruction(target, language)))),)


def followup_grounding_instruction() -> str:
    """Asks for boxes of whatever the previous answer talked about (for re-asking after a miss)."""
    return (
        "Show where the things you mentioned are on the image: answer only with a JSON list "
        '[{"label": "<name>", "bbox_2d": [x1, y1, x2, y2]}], coordinates 0 to 1000 of the image.'
    )
