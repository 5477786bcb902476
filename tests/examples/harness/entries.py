"""One entry of a case file: which keys it may have, and what is wrong with it.

The harness validates every entry before it runs anything, so that a typo in a
case file (``request:`` for ``requests:``, a reason left empty) fails with a
message naming the file and the entry rather than passing by checking less.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from .pages import Block, Question

KINDS = ("run", "render", "pytest", "shell", "parse_only", "not_run")
_KEYS_OF_KIND = {
    "run": {"files", "with_blocks", "env", "app", "requests", "asserts"},
    "render": {"files", "app"},
    "pytest": {"files"},
    "shell": {"files", "contains"},
    "parse_only": set(),
    "not_run": set(),
}
ENTRY_KEYS = frozenset(KINDS) | frozenset(k for keys in _KEYS_OF_KIND.values() for k in keys)
REQUEST_KEYS = frozenset(
    {
        "path",
        "method",
        "query",
        "form",
        "json",
        "headers",
        "status",
        "text",
        "contains",
        "json_body",
        "headers_out",
        "headers_contain",
        "set_cookies",
        "session",
        "session_before",
    }
)
RENDER_KEYS = frozenset({"context", "contains", "app_block"})
_PYTHON_KINDS = {"run", "pytest", "shell", "parse_only"}
_OTHER_KINDS = {"render", "shell", "not_run"}

# Each checker reports a problem through ``say``, which prefixes the case file and entry.
Say = Callable[[str], None]


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_text_list(value: Any) -> bool:
    if isinstance(value, list):
        return all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value)
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def entry_kinds(entry: Any) -> list[str]:
    return [k for k in KINDS if isinstance(entry, dict) and k in entry]


def _check_files(files: Any, question: Question, say: Say) -> None:
    if not isinstance(files, dict) or not files:
        say("files must map file names to a block number or a text")
        return
    for name, value in files.items():
        if not isinstance(name, str) or not name.strip():
            say(f"files: {name!r} is not a file name")
            continue
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts or "\\" in name:
            say(f"files: {name!r} must be a relative path inside the example's folder")
        if is_int(value):
            if question.block(value) is None:
                say(f"files: {name}: {question.id} has no block {value}")
        elif not isinstance(value, str):
            say(f"files: {name}: the value must be a block number or a text")


def _check_requests(requests: Any, say: Say) -> None:
    if not isinstance(requests, list) or not requests:
        say("requests must be a non-empty list")
        return
    for i, req in enumerate(requests, 1):
        where = f"request {i}"
        if not isinstance(req, dict):
            say(f"{where} must be a mapping")
            continue
        for key in req:
            if key not in REQUEST_KEYS:
                say(f"{where}: unknown key {key!r} (known: {', '.join(sorted(REQUEST_KEYS))})")
        if not isinstance(req.get("path"), str) or not req["path"].startswith("/"):
            say(f"{where}: path is required and must start with /")
        if "method" in req and not isinstance(req["method"], str):
            say(f"{where}: method must be a text such as POST")
        for key in (
            "query",
            "form",
            "headers",
            "headers_out",
            "headers_contain",
            "set_cookies",
            "session",
            "session_before",
        ):
            if key in req and not isinstance(req[key], dict):
                say(f"{where}: {key} must be a mapping")
        if "form" in req and "json" in req:
            say(f"{where}: a request has a form body or a JSON body, not both")
        if "status" in req and not (is_int(req["status"]) and 100 <= req["status"] <= 599):
            say(f"{where}: status must be an HTTP status code")
        if "contains" in req and not is_text_list(req["contains"]):
            say(f"{where}: contains must be a text or a list of texts")
        if "text" in req and (isinstance(req["text"], list) or not is_text_list(req["text"])):
            say(f"{where}: text must be a text (the whole body)")
        if isinstance(req.get("headers_contain"), dict):
            for name, parts in req["headers_contain"].items():
                if not is_text_list(parts):
                    say(f"{where}: headers_contain: {name}: give a text or a list of texts")


def _check_shape(block: Block, entry: Any, say: Say) -> bool:
    """Known keys, one kind (only run and shell combine) fit for the block's
    language, each key beside a kind it goes with. False when the entry is
    too broken for its values to be checked."""
    if not isinstance(entry, dict) or not entry:
        say(f"must be a mapping with one of: {', '.join(KINDS)}")
        return False
    for key in entry:
        if key not in ENTRY_KEYS:
            say(f"unknown key {key!r} (known: {', '.join(sorted(ENTRY_KEYS))})")
    kinds = entry_kinds(entry)
    if not kinds:
        say(f"says nothing about the block: give one of {', '.join(KINDS)}")
        return False
    if len(kinds) > 1 and set(kinds) != {"run", "shell"}:
        say(f"choose one of {', '.join(kinds)} (only run and shell combine)")
        return False
    allowed = set(kinds).union(*(_KEYS_OF_KIND[k] for k in kinds))
    for key in entry:
        if key in ENTRY_KEYS and key not in allowed:
            owners = [k for k in KINDS if key in _KEYS_OF_KIND[k]]
            say(f"{key!r} goes with {' or '.join(owners)}, not with {' and '.join(kinds)}")
    lang = block.lang or "no language"
    for kind in kinds:
        if block.kind == "python" and kind not in _PYTHON_KINDS:
            hint = "; use parse_only: <reason>" if kind == "not_run" else ""
            say(f"{kind} is not for a Python block{hint}")
        elif block.kind != "python" and kind not in _OTHER_KINDS:
            hint = "; use not_run: <reason>" if kind == "parse_only" else ""
            say(f"{kind} is for Python blocks; block {block.n} is {lang}{hint}")
    return True


def _check_with_blocks(wb: Any, block: Block, question: Question, say: Say) -> None:
    numbers = wb if isinstance(wb, list) else [wb]
    if not numbers or not all(is_int(n) for n in numbers):
        say("with_blocks must be a list of block numbers")
        return
    for n in numbers:
        other = question.block(n)
        if other is None:
            say(f"with_blocks: {question.id} has no block {n}")
        elif n == block.n:
            say("with_blocks must not name the block itself")
        elif other.kind != "python":
            say(f"with_blocks: block {n} is not Python")


def _check_env(env: Any, say: Say) -> None:
    if not isinstance(env, dict) or not env:
        say("env must map environment variable names to values")
        return
    for name, value in env.items():
        if not isinstance(name, str) or not name or "=" in name:
            say(f"env: {name!r} is not an environment variable name")
        elif isinstance(value, (list, dict, bool)) or not is_text_list(value):
            say(f"env: {name}: the value must be a text or a number")


def _check_app(app: Any, say: Say) -> None:
    if not (isinstance(app, str) and app.strip()):
        say("app must be a name such as app, or a call such as create_app()")
        return
    try:
        compile(app, "<app>", "eval")
    except SyntaxError:
        say(f"app: {app!r} is not a Python expression")


def _check_asserts(asserts: Any, say: Say) -> None:
    if not isinstance(asserts, list) or not asserts or not all(isinstance(a, str) for a in asserts):
        say("asserts must be a list of Python expressions (quote them in YAML)")
        return
    for expr in asserts:
        try:
            compile(expr, "<assert>", "eval")
        except SyntaxError as exc:
            say(f"asserts: {expr!r} is not a Python expression: {exc.msg}")


def _check_render(spec: Any, question: Question, say: Say) -> None:
    if spec is None:
        spec = {}
    if not isinstance(spec, dict):
        say("render must be a mapping (context, contains, app_block), or {}")
        return
    for key in spec:
        if key not in RENDER_KEYS:
            say(f"render: unknown key {key!r} (known: {', '.join(sorted(RENDER_KEYS))})")
    if "context" in spec and not isinstance(spec["context"], dict):
        say("render: context must be a mapping of template variables")
    if "contains" in spec and not is_text_list(spec["contains"]):
        say("render: contains must be a text or a list of texts")
    if "app_block" in spec:
        other = question.block(spec["app_block"])
        if other is None:
            say(f"render: app_block: {question.id} has no block {spec['app_block']!r}")
        elif other.kind != "python":
            say(f"render: app_block {spec['app_block']} is not a Python block")


def _check_shell(commands: Any, say: Say) -> None:
    if isinstance(commands, list) and not commands:
        say("shell: give a flask command, or a list of them")
    for command in commands if isinstance(commands, list) else [commands]:
        if not isinstance(command, str) or not command.strip().startswith("flask "):
            say("shell: only flask commands are run (shell: flask --app example routes)")
            continue
        try:
            argv = shlex.split(command)
        except ValueError as exc:
            say(f"shell: cannot split {command!r}: {exc}")
        else:
            if _flask_subcommand(argv[1:]) == "run":
                say("shell: flask run starts a server that never returns; use not_run")


def _check_values(block: Block, question: Question, entry: dict, say: Say) -> None:
    for key in ("parse_only", "not_run"):
        if key in entry and not (isinstance(entry[key], str) and entry[key].strip()):
            say(f"{key} needs a reason: {key}: <why this block is not run>")
    if "run" in entry and entry["run"] not in (None, {}, True):
        say("run takes no options (run: {}); put files, requests, asserts... beside it")
    if "pytest" in entry and entry["pytest"] is not True:
        say("pytest must be true")
    if "files" in entry:
        _check_files(entry["files"], question, say)
        if "pytest" in entry and isinstance(entry["files"], dict) and "test_example.py" in entry["files"]:
            say("files must not contain test_example.py: the block itself is saved under that name")
    if "with_blocks" in entry:
        _check_with_blocks(entry["with_blocks"], block, question, say)
    if "env" in entry:
        _check_env(entry["env"], say)
    if "app" in entry:
        _check_app(entry["app"], say)
    if "requests" in entry:
        _check_requests(entry["requests"], say)
    if "asserts" in entry:
        _check_asserts(entry["asserts"], say)
    if "render" in entry:
        _check_render(entry["render"], question, say)
    if "shell" in entry:
        _check_shell(entry["shell"], say)
    if "contains" in entry and not is_text_list(entry["contains"]):
        say("contains must be a text or a list of texts")


def entry_problems(block: Block, question: Question, entry: Any, where: str = "") -> list[str]:
    """Everything wrong with one entry, as messages naming the case file
    (``where``: its path, and line when known) and the entry."""
    where = f"{where or f'cases/{question.id}.yml'}: entry {block.n}"
    problems: list[str] = []

    def say(message: str) -> None:
        problems.append(f"{where}: {message}")

    if _check_shape(block, entry, say):
        _check_values(block, question, entry, say)
    return problems


def with_blocks(entry: dict) -> list[int]:
    """The block numbers of an entry's ``with_blocks``: one number, or a list."""
    wb = entry.get("with_blocks") or []
    return wb if isinstance(wb, list) else [wb]


def shell_commands(entry: Any) -> list[str]:
    """The flask commands of an entry's ``shell``: one text, or a list run in order."""
    commands = entry.get("shell") if isinstance(entry, dict) else None
    if commands is None:
        return []
    return [str(c).strip() for c in (commands if isinstance(commands, list) else [commands])]


def _flask_subcommand(args: list[str]) -> str | None:
    takes_value = {"--app", "-A", "--env-file", "-e"}
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in takes_value:
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None
