"""``render`` entries: a template block rendered by Jinja, alone or inside an app block."""

from __future__ import annotations

from pathlib import Path

from .entries import as_list, with_blocks
from .failures import check_contains
from .pages import Block, Question
from .run import find_app
from .sandbox import execute_module, resolve_files, sandbox


def _render_alone(block: Block, question: Question, entry: dict, folder: Path) -> str:
    """Plain Jinja with autoescaping, templates loaded from the folder's
    ``templates/`` (and the folder itself), where ``files`` put them."""
    import jinja2

    context = (entry.get("render") or {}).get("context") or {}
    with sandbox(folder, block, resolve_files(entry, question)):
        root = folder.resolve()
        env = jinja2.Environment(
            autoescape=True,
            loader=jinja2.FileSystemLoader([str(root / "templates"), str(root)]),
        )
        return env.from_string(block.text).render(**context)


def _render_in_app(block: Block, question: Question, entries: dict, folder: Path) -> str:
    """Inside the app of block ``app_block`` (run as its own entry says), in a
    test request context, so that ``url_for`` and the app's filters work."""
    import flask

    entry = entries[block.n]
    spec = entry["render"]
    app_n = spec["app_block"]
    app_block = question.checked_block(app_n)
    app_entry = entries.get(app_n)
    app_entry = app_entry if isinstance(app_entry, dict) and "run" in app_entry else {}
    files = {**resolve_files(app_entry, question), **resolve_files(entry, question)}
    files.setdefault("example.py", app_block.text)
    with sandbox(folder, block, files):
        module = execute_module(app_block, question, with_blocks(app_entry), folder.resolve())
        app = find_app(module.__dict__, entry.get("app") or app_entry.get("app") or "app", app_block)
        app.testing = True
        with app.test_request_context():
            return flask.render_template_string(block.text, **(spec.get("context") or {}))


def check_render(block: Block, question: Question, entries: dict, folder: Path) -> None:
    spec = entries[block.n].get("render") or {}
    if "app_block" in spec:
        output = _render_in_app(block, question, entries, folder)
    else:
        output = _render_alone(block, question, entries[block.n], folder)
    check_contains(
        output, as_list(spec.get("contains")), f"{block.id} ({block.where}) rendered", ("render", "contains")
    )
