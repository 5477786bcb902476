"""``run`` entries: execute a Python block, send its requests, evaluate its asserts.

Requests go through the app's ``test_client()`` (cookies and the session
persist across an entry's list); each response is compared with every check
the request names, and all the differences are reported together.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import Any

from .entries import as_list, with_blocks
from .failures import ExampleFailure, excerpt
from .pages import Block, Question
from .sandbox import execute_module, resolve_files, sandbox


def find_app(namespace: dict, expr: str, block: Block) -> Any:
    expr = expr.strip()
    if expr.isidentifier():
        if expr not in namespace:
            raise ExampleFailure(
                f"{block.id} ({block.where}): the example defines no {expr!r}; "
                "name the app with `app:` (a name, or a call such as create_app())"
            )
        app = namespace[expr]
    else:
        app = eval(compile(expr, f"<app of {block.id}>", "eval"), namespace)
    if not hasattr(app, "test_client"):
        raise ExampleFailure(f"{block.id}: {expr} is {type(app).__name__}, not a Flask app")
    return app


def _form_values(data: dict) -> dict:
    def text(value: Any) -> Any:
        if isinstance(value, list):
            return [text(v) for v in value]
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, str) else str(value)

    return {str(k): text(v) for k, v in data.items()}


def response_cookies(response: Any) -> dict[str, str]:
    """Name -> value of the cookies a response sets (its Set-Cookie headers)."""
    from werkzeug.http import parse_cookie

    cookies: dict[str, str] = {}
    for header in response.headers.getlist("Set-Cookie"):
        cookies.update(parse_cookie(header.split(";", 1)[0]))
    return cookies


_MISSING = object()


def _request_kwargs(req: dict) -> dict[str, Any]:
    """The keyword arguments of ``client.open`` for one request of an entry."""
    kwargs: dict[str, Any] = {}
    if "query" in req:
        kwargs["query_string"] = _form_values(req["query"])
    if "form" in req:
        kwargs["data"] = _form_values(req["form"])
    if "json" in req:
        kwargs["json"] = req["json"]
    if "headers" in req:
        kwargs["headers"] = {str(k): str(v) for k, v in req["headers"].items()}
    return kwargs


def _send(app: Any, client: Any, req: dict, index: int, label: str, block: Block) -> Any:
    if "session_before" in req:
        try:
            with client.session_transaction() as session:
                session.update(req["session_before"])
        except RuntimeError as exc:
            raise ExampleFailure(
                f"{label} ({block.where}): session_before: cannot open the session ({exc}); "
                "does the app set a secret key?",
                at=("requests", index, "session_before"),
            ) from exc
    saved = app.config.get("PROPAGATE_EXCEPTIONS")
    if req.get("status", 200) >= 500:
        # The example promises to answer an error itself: let its handler run.
        app.config["PROPAGATE_EXCEPTIONS"] = False
    try:
        return client.open(req["path"], method=str(req.get("method", "GET")).upper(), **_request_kwargs(req))
    except Exception as exc:
        exc.add_note(f"while sending {label}")
        raise
    finally:
        app.config["PROPAGATE_EXCEPTIONS"] = saved


def _body_errors(req: dict, response: Any, body: str) -> list[str]:
    errors: list[str] = []
    expected_status = req.get("status", 200)
    if response.status_code != expected_status:
        errors.append(f"status: expected {expected_status}, got {response.status_code}")
    if "text" in req and body != str(req["text"]):
        errors.append(f"text: expected {str(req['text'])!r}, got {body!r}")
    for part in as_list(req.get("contains")):
        if part not in body:
            errors.append(f"contains: {part!r} is not in the body")
    if "json_body" in req:
        got = response.get_json(silent=True)
        if got != req["json_body"]:
            errors.append(
                f"json_body: expected {req['json_body']!r}, got {got!r}"
                + ("" if response.is_json else f" (Content-Type {response.content_type})")
            )
    return errors


def _header_errors(req: dict, response: Any) -> list[str]:
    errors: list[str] = []
    for name, value in (req.get("headers_out") or {}).items():
        got = response.headers.get(str(name))
        want = None if value is None else str(value)
        if got != want:
            errors.append(f"headers_out: {name}: expected {want!r}, got {got!r}")
    for name, parts in (req.get("headers_contain") or {}).items():
        got = response.headers.get(str(name))
        for part in as_list(parts):
            if got is None or part not in got:
                errors.append(f"headers_contain: {name}: {part!r} is not in {got!r}")
    if "set_cookies" in req:
        cookies = response_cookies(response)
        for name, value in req["set_cookies"].items():
            got = cookies.get(str(name))
            want = None if value is None else str(value)
            if got != want:
                errors.append(
                    f"set_cookies: {name}: expected {want!r}, got {got!r} "
                    f"(Set-Cookie: {response.headers.getlist('Set-Cookie')!r})"
                )
    return errors


def _session_errors(client: Any, expected: dict) -> list[str]:
    """How the session after a request differs from ``expected`` (a key
    expected as null may be missing)."""
    try:
        with client.session_transaction() as session:
            contents = dict(session)
    except RuntimeError as exc:
        return [f"session: cannot open the session ({exc}); does the app set a secret key?"]
    errors: list[str] = []
    for key, value in expected.items():
        got = contents.get(key, _MISSING)
        if value is None and got in (_MISSING, None):
            continue
        if got is _MISSING:
            errors.append(f"session: {key!r} is missing (session: {contents!r})")
        elif got != value:
            errors.append(f"session: {key!r}: expected {value!r}, got {got!r}")
    return errors


def run_requests(app: Any, requests: list[dict], block: Block) -> None:
    """Send each request in turn through one test client (cookies and the
    session persist); fail on the first whose response breaks a promise,
    listing everything it breaks."""
    client = app.test_client()
    for i, req in enumerate(requests, 1):
        label = f"{block.id} request {i} ({str(req.get('method', 'GET')).upper()} {req['path']})"
        response = _send(app, client, req, i - 1, label, block)
        body = response.get_data(as_text=True)
        errors = _body_errors(req, response, body) + _header_errors(req, response)
        response.close()
        if "session" in req:
            errors += _session_errors(client, req["session"])
        if errors:
            raise ExampleFailure(
                f"{label} ({block.where}):\n  " + "\n  ".join(errors) + f"\n  body: {excerpt(body)!s}",
                at=("requests", i - 1),
            )


def _explain(tree: ast.Expression, namespace: dict) -> str:
    node = tree.body
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        parts = []
        for label, side in (("left", node.left), ("right", node.comparators[0])):
            try:
                expr = ast.fix_missing_locations(ast.Expression(body=side))
                value = eval(compile(expr, "<assert>", "eval"), namespace)
            except Exception as exc:  # the sides were evaluated once already
                value = exc
            parts.append(f"{label}: {ast.unparse(side)} = {excerpt(repr(value), 300)}")
        return "\n  " + "\n  ".join(parts)
    return ""


def run_asserts(asserts: list[str], namespace: dict, block: Block) -> None:
    for i, expr in enumerate(asserts):
        tree = ast.parse(expr, mode="eval")
        try:
            value = eval(compile(tree, f"<assert of {block.id}>", "eval"), namespace)
        except Exception as exc:
            exc.add_note(f"while evaluating the assert {expr!r} of {block.id}")
            raise
        if not value:
            raise ExampleFailure(
                f"{block.id} ({block.where}): assert {expr} is {value!r}" + _explain(tree, namespace), at=("asserts", i)
            )


def check_run(block: Block, question: Question, entry: dict, folder: Path) -> None:
    files = resolve_files(entry, question)
    files.setdefault("example.py", block.text)
    with sandbox(folder, block, files):
        # The sandbox restores os.environ when the block is done.
        os.environ.update({str(k): str(v) for k, v in (entry.get("env") or {}).items()})
        module = execute_module(block, question, with_blocks(entry), folder.resolve())
        if entry.get("requests") or "app" in entry:
            app = find_app(module.__dict__, entry.get("app", "app"), block)
            app.testing = True
            if entry.get("requests"):
                run_requests(app, entry["requests"], block)
        if entry.get("asserts"):
            run_asserts(entry["asserts"], module.__dict__, block)
