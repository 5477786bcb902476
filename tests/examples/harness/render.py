"""``render`` entries: a template block rendered by Jinja, alone or inside an app block."""

from __future__ import annotations

from pathlib import Path

from .entries import as_list
from .failures import check_contains
from .pages import Block, Question
from .run import find_app
from .sandbox import execute_module, resolve_files, sandbox


def check_render(block: Block, question: Question, entries: dict, folder: Path) -> None:
    import jinja2

    entry = entries[block.n]
    spec = entry.get("render") or {}
    context = spec.get("context") or {}
    what = f"{block.id} ({block.where}) rendered"
    if "app_block" not in spec:
        with sandbox(folder, block, resolve_files(entry, question)):
            root = folder.resolve()
            env = jinja2.Environment(
                autoescape=True,
                loader=jinja2.FileSystemLoader([str(root / "templates"), str(root)]),
            )
            output = env.from_string(block.text).render(**context)
    else:
        import flask

        app_n = spec["app_block"]
        app_block = question.block(app_n)
        app_entry = entries.get(app_n)
        app_entry = app_entry if isinstance(app_entry, dict) and "run" in app_entry else {}
        files = {**resolve_files(app_entry, question), **resolve_files(entry, question)}
        files.setdefault("example.py", app_block.text)
        wb = app_entry.get("with_blocks") or []
        with sandbox(folder, block, files):
            module = execute_module(app_block, question, wb if isinstance(wb, list) else [wb], folder.resolve())
            app = find_app(module.__dict__, entry.get("app") or app_entry.get("app") or "app", app_block)
            app.testing = True
            with app.test_request_context():
                output = flask.render_template_string(block.text, **context)
    check_contains(output, as_list(spec.get("contains")), what)
