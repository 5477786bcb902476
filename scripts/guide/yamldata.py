"""YAML for editorial data: plain values only, and errors located at a line.

PyYAML's safe loader still expands aliases, so a few lines of anchors can
stand for billions of values (the "billion laughs"), and its composer recurses
once per level of nesting. Editorial data needs neither: aliases are refused,
and so is nesting deeper than :data:`MAX_DEPTH`.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import GuideError

MAX_DEPTH = 20


class _Loader(yaml.SafeLoader):
    depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed", event.start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    None, None, f"nested deeper than {MAX_DEPTH} levels", self.peek_event().start_mark
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def load(display: str, text: str, offset: int = 0) -> Any:
    """The YAML document in ``text``; ``offset`` is the number of lines before it in its file."""
    try:
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 1 + offset) if mark else 1 + offset
        raise GuideError(display, line, f"invalid YAML: {getattr(exc, 'problem', None) or exc}") from None
    except RecursionError:
        raise GuideError(display, 1 + offset, f"invalid YAML: nested deeper than {MAX_DEPTH} levels") from None


def text(value: object, display: str, line: int, key: str) -> str:
    """A string value (a number is taken as its text); None is the empty string."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise GuideError(display, line, f"{key} is a text, not {_kind(value)}")
    return str(value)


def texts(value: object, display: str, line: int, key: str) -> tuple[str, ...]:
    """A list of strings; None is the empty list."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise GuideError(display, line, f"{key} is a list, not {_kind(value)}")
    return tuple(text(item, display, line, f"each item of {key}") for item in value)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"
