"""Collect the guide's fenced code blocks and check what each one promises.

The schema of the case files is described in README.md beside this file. This
module has no pytest dependency: ``test_examples.py`` runs it on the real pages,
``test_harness.py`` on small synthetic pages, and ``count_examples.py``
uses it to count.

Vocabulary: a *page* is a Markdown file in ``docs/``; a *question* is a
``## Title {#question-id}`` heading and the answer below it; a *block* is a
fenced code block of an answer, numbered from 1 per answer; an *entry* is what
``cases/<question-id>.yml`` says about block n.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import importlib
import importlib.util
import ipaddress
import linecache
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import types
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
DOCS_DIR = REPO_ROOT / "docs"
CASES_DIR = HERE / "cases"

PYTHON_LANGS = frozenset({"python", "py", "python3", "py3"})
TEMPLATE_LANGS = frozenset({"html", "html+jinja", "jinja", "jinja2", "j2", "html+django", "htmldjango", "django"})

# Seconds an example may take before it is stopped.
RUN_TIMEOUT = 60
SUBPROCESS_TIMEOUT = 180

PROXY_VARS = tuple(
    name
    for base in ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "no_proxy")
    for name in (base, base.upper())
)


class ExampleFailure(AssertionError):
    """An example did not do what its case entry promises (or the entry is wrong)."""


# --------------------------------------------------------------------------
# Pages: questions and their fenced blocks
# --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Block:
    page: str  # e.g. "docs/templates.md"
    line: int  # 1-based line of the opening fence
    question_id: str
    n: int  # 1-based number within the answer
    lang: str  # the info string's first word, lower case ("" when none)
    text: str  # the content, common indentation removed

    @property
    def id(self) -> str:
        return f"{self.question_id}-{self.n}"

    @property
    def kind(self) -> str:
        """ "python", "template" or "other"."""
        if self.lang in PYTHON_LANGS:
            return "python"
        if self.lang in TEMPLATE_LANGS:
            return "template"
        return "other"

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    def page_line(self, lineno: int) -> int:
        """The page line of line ``lineno`` (1-based) of the block's text."""
        return self.line + lineno


@dataclasses.dataclass
class Question:
    id: str
    title: str
    page: str
    line: int
    blocks: list[Block] = dataclasses.field(default_factory=list)

    def block(self, n: Any) -> Block | None:
        if isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= len(self.blocks):
            return self.blocks[n - 1]
        return None


@dataclasses.dataclass
class Page:
    path: str
    questions: list[Question]
    problems: list[str]


_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_FENCE_CLOSE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*$")
_HEADING2 = re.compile(r"^ {0,3}##(?:[ \t]+(?P<title>.*?))?[ \t]*$")
_HEADING_ID = re.compile(r"[ \t]*\{[ \t]*#(?P<id>[^\s}]+)[^}]*\}$")


def _indent_width(text: str) -> int:
    width = 0
    for char in text:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _strip_indent(line: str, width: int) -> str:
    """Remove up to ``width`` columns of leading whitespace."""
    col = 0
    i = 0
    while i < len(line) and col < width and line[i] in " \t":
        col += 1 if line[i] == " " else 4 - col % 4
        i += 1
    return line[i:]


def _language(info: str) -> str:
    info = info.strip()
    if info.startswith("{"):  # {.python title="app.py"}
        for word in info.strip("{}").split():
            if word.startswith("."):
                return word[1:].lower()
        return ""
    return info.split()[0].lower() if info else ""


def parse_page(text: str, page: str = "page.md") -> Page:
    """Questions and their fenced blocks, in order.

    Fences may be indented (lists, admonitions, tabs): a block's text loses
    the fence's indentation, then any indentation its lines share. A fence is
    closed by a fence of the same character at least as long; anything in
    between (``## `` lines, shorter or other fences) is content. An indented
    fence also ends, unclosed, at a non-blank line indented less than itself.
    """
    lines = text.splitlines()
    problems: list[str] = []
    questions: list[Question] = []
    seen: dict[str, int] = {}
    current: Question | None = None
    i = 0
    if lines and lines[0].strip() == "---":
        for j in range(1, len(lines)):
            if lines[j].strip() in ("---", "..."):
                i = j + 1
                break
        else:
            problems.append(f"{page}:1: the front matter is never closed")
    while i < len(lines):
        line = lines[i]
        opening = _FENCE_OPEN.match(line)
        if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            fence, start = opening["fence"], i
            width = _indent_width(opening["indent"])
            body: list[str] = []
            closed = False
            i += 1
            while i < len(lines):
                closing = _FENCE_CLOSE.match(lines[i])
                if closing and closing["fence"][0] == fence[0] and len(closing["fence"]) >= len(fence):
                    closed = True
                    i += 1
                    break
                if width and lines[i].strip() and _indent_width(lines[i]) < width:
                    break  # the list item or admonition holding the fence ended
                body.append(_strip_indent(lines[i], width))
                i += 1
            if not closed:
                problems.append(f"{page}:{start + 1}: the code fence {fence} is never closed")
            if current is not None:
                content = textwrap.dedent("\n".join(body))
                current.blocks.append(
                    Block(
                        page=page,
                        line=start + 1,
                        question_id=current.id,
                        n=len(current.blocks) + 1,
                        lang=_language(opening["info"]),
                        text=content + "\n" if body else "",
                    )
                )
            continue
        heading = _HEADING2.match(line)
        if heading:
            title = heading["title"] or ""
            found = _HEADING_ID.search(title)
            if found:
                qid = found["id"]
                if qid in seen:
                    problems.append(f"{page}:{i + 1}: question id {qid!r} is used twice (first on line {seen[qid]})")
                seen[qid] = i + 1
                current = Question(qid, title[: found.start()].strip(), page, i + 1)
                questions.append(current)
            else:
                current = None  # a section that is not a question
        i += 1
    return Page(page, questions, problems)


@dataclasses.dataclass
class Guide:
    pages: list[Page]
    questions: dict[str, Question]
    problems: list[str]

    @property
    def blocks(self) -> list[Block]:
        return [block for q in self.questions.values() for block in q.blocks]


def collect(docs_dir: Path = DOCS_DIR) -> Guide:
    """Every question of every page under ``docs_dir`` (pages named relative to its parent)."""
    docs_dir = Path(docs_dir)
    pages: list[Page] = []
    questions: dict[str, Question] = {}
    problems: list[str] = []
    paths = sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []
    for path in paths:
        rel = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        name = (PurePosixPath(docs_dir.name) / rel.as_posix()).as_posix()
        page = parse_page(path.read_text(encoding="utf-8"), name)
        pages.append(page)
        problems.extend(page.problems)
        for question in page.questions:
            if question.id in questions:
                other = questions[question.id]
                if other.page != question.page:
                    problems.append(
                        f"{question.page}:{question.line}: question id {question.id!r} "
                        f"is also used in {other.page}:{other.line}"
                    )
                continue
            questions[question.id] = question
    return Guide(pages, questions, problems)


# --------------------------------------------------------------------------
# Case files
# --------------------------------------------------------------------------


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (PyYAML keeps the last one silently)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    loader.flatten_mapping(node)
    mapping: dict = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclasses.dataclass
class CaseFile:
    question_id: str
    path: str  # for messages
    entries: dict[int, Any]
    problems: list[str]


def _display(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)


def load_case_file(path: Path) -> CaseFile:
    path = Path(path)
    shown = _display(path)
    case = CaseFile(path.stem, shown, {}, [])
    if path.suffix != ".yml":
        case.problems.append(f"{shown}: case files are named <question-id>.yml")
        return case
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except yaml.YAMLError as exc:
        case.problems.append(f"{shown}: not valid YAML: {exc}")
        return case
    if data is None:
        return case
    if not isinstance(data, dict):
        case.problems.append(f"{shown}: the file must map block numbers to entries, not be a {type(data).__name__}")
        return case
    for key, entry in data.items():
        n = key
        if isinstance(key, str) and key.strip().isdigit():
            n = int(key)
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            case.problems.append(f"{shown}: unknown key {key!r}: the keys are block numbers 1, 2, 3...")
            continue
        if n in case.entries:
            case.problems.append(f"{shown}: block {n} has two entries")
            continue
        case.entries[n] = entry
    return case


def load_cases(cases_dir: Path = CASES_DIR) -> dict[str, CaseFile]:
    cases_dir = Path(cases_dir)
    if not cases_dir.is_dir():
        return {}
    files = sorted(p for p in cases_dir.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml"))
    return {case.question_id: case for case in map(load_case_file, files)}


def case_file_problems(case: CaseFile, guide: Guide) -> list[str]:
    """What is wrong with a case file as a whole (entries are checked per block)."""
    problems = list(case.problems)
    question = guide.questions.get(case.question_id)
    if question is None:
        problems.append(
            f"{case.path}: no question has the id {case.question_id!r} in docs/ "
            "(the file must be named after a question's id)"
        )
        return problems
    for n in sorted(case.entries):
        if question.block(n) is None:
            count = len(question.blocks)
            problems.append(
                f"{case.path}: entry {n} names no block: {question.id} has "
                f"{count} code block{'s' if count != 1 else ''} "
                f"({question.page}:{question.line})"
            )
    return problems


# --------------------------------------------------------------------------
# Entries: validation and classification
# --------------------------------------------------------------------------

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


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text_list(value: Any) -> bool:
    if isinstance(value, list):
        return all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value)
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def entry_kinds(entry: Any) -> list[str]:
    return [k for k in KINDS if isinstance(entry, dict) and k in entry]


def _check_files(files: Any, question: Question, say) -> None:
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
        if _is_int(value):
            if question.block(value) is None:
                say(f"files: {name}: {question.id} has no block {value}")
        elif not isinstance(value, str):
            say(f"files: {name}: the value must be a block number or a text")


def _check_requests(requests: Any, say) -> None:
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
        if "status" in req and not (_is_int(req["status"]) and 100 <= req["status"] <= 599):
            say(f"{where}: status must be an HTTP status code")
        if "contains" in req and not _is_text_list(req["contains"]):
            say(f"{where}: contains must be a text or a list of texts")
        if "text" in req and (isinstance(req["text"], list) or not _is_text_list(req["text"])):
            say(f"{where}: text must be a text (the whole body)")
        if isinstance(req.get("headers_contain"), dict):
            for name, parts in req["headers_contain"].items():
                if not _is_text_list(parts):
                    say(f"{where}: headers_contain: {name}: give a text or a list of texts")


def entry_problems(block: Block, question: Question, entry: Any, case_path: str = "") -> list[str]:
    """Everything wrong with one entry, as messages naming the case file and block."""
    where = f"{case_path or f'cases/{question.id}.yml'} entry {block.n}"
    problems: list[str] = []

    def say(message: str) -> None:
        problems.append(f"{where}: {message}")

    if not isinstance(entry, dict) or not entry:
        say(f"must be a mapping with one of: {', '.join(KINDS)}")
        return problems
    for key in entry:
        if key not in ENTRY_KEYS:
            say(f"unknown key {key!r} (known: {', '.join(sorted(ENTRY_KEYS))})")
    kinds = entry_kinds(entry)
    if not kinds:
        say(f"says nothing about the block: give one of {', '.join(KINDS)}")
        return problems
    if len(kinds) > 1 and set(kinds) != {"run", "shell"}:
        say(f"choose one of {', '.join(kinds)} (only run and shell combine)")
        return problems
    allowed = set(kinds).union(*(_KEYS_OF_KIND[k] for k in kinds))
    for key in entry:
        if key in ENTRY_KEYS and key not in allowed:
            owners = [k for k in KINDS if key in _KEYS_OF_KIND[k]]
            say(f"{key!r} goes with {' or '.join(owners)}, not with {' and '.join(kinds)}")
    lang = block.lang or "no language"
    if block.kind == "python":
        for kind in kinds:
            if kind not in _PYTHON_KINDS:
                hint = "; use parse_only: <reason>" if kind == "not_run" else ""
                say(f"{kind} is not for a Python block{hint}")
    else:
        for kind in kinds:
            if kind not in _OTHER_KINDS:
                hint = "; use not_run: <reason>" if kind == "parse_only" else ""
                say(f"{kind} is for Python blocks; block {block.n} is {lang}{hint}")
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
        wb = entry["with_blocks"]
        numbers = wb if isinstance(wb, list) else [wb]
        if not numbers or not all(_is_int(n) for n in numbers):
            say("with_blocks must be a list of block numbers")
        else:
            for n in numbers:
                other = question.block(n)
                if other is None:
                    say(f"with_blocks: {question.id} has no block {n}")
                elif n == block.n:
                    say("with_blocks must not name the block itself")
                elif other.kind != "python":
                    say(f"with_blocks: block {n} is not Python")
    if "env" in entry:
        env = entry["env"]
        if not isinstance(env, dict) or not env:
            say("env must map environment variable names to values")
        else:
            for name, value in env.items():
                if not isinstance(name, str) or not name or "=" in name:
                    say(f"env: {name!r} is not an environment variable name")
                elif isinstance(value, (list, dict, bool)) or not _is_text_list(value):
                    say(f"env: {name}: the value must be a text or a number")
    if "app" in entry and not (isinstance(entry["app"], str) and entry["app"].strip()):
        say("app must be a name such as app, or a call such as create_app()")
    elif "app" in entry:
        try:
            compile(entry["app"], "<app>", "eval")
        except SyntaxError:
            say(f"app: {entry['app']!r} is not a Python expression")
    if "requests" in entry:
        _check_requests(entry["requests"], say)
    if "asserts" in entry:
        asserts = entry["asserts"]
        if not isinstance(asserts, list) or not asserts or not all(isinstance(a, str) for a in asserts):
            say("asserts must be a list of Python expressions (quote them in YAML)")
        else:
            for expr in asserts:
                try:
                    compile(expr, "<assert>", "eval")
                except SyntaxError as exc:
                    say(f"asserts: {expr!r} is not a Python expression: {exc.msg}")
    if "render" in entry:
        spec = entry["render"]
        if spec is None:
            spec = {}
        if not isinstance(spec, dict):
            say("render must be a mapping (context, contains, app_block), or {}")
        else:
            for key in spec:
                if key not in RENDER_KEYS:
                    say(f"render: unknown key {key!r} (known: {', '.join(sorted(RENDER_KEYS))})")
            if "context" in spec and not isinstance(spec["context"], dict):
                say("render: context must be a mapping of template variables")
            if "contains" in spec and not _is_text_list(spec["contains"]):
                say("render: contains must be a text or a list of texts")
            if "app_block" in spec:
                other = question.block(spec["app_block"])
                if other is None:
                    say(f"render: app_block: {question.id} has no block {spec['app_block']!r}")
                elif other.kind != "python":
                    say(f"render: app_block {spec['app_block']} is not a Python block")
    if "shell" in entry:
        commands = entry["shell"]
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
    if "contains" in entry and not _is_text_list(entry["contains"]):
        say("contains must be a text or a list of texts")
    return problems


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


# What a block amounts to, for reporting (recorded as a user property of its test).
OUTCOME_PROPERTY = "example_outcome"
OUTCOME_LABELS = {
    "run-checked": "Python executed with requests or asserts",
    "run": "Python executed, nothing asserted",
    "pytest": "Python run as a pytest file",
    "shell": "flask command checked",
    "render": "template rendered",
    "parse_only": "Python parsed only",
    "not_run": "shown, not run (with a reason)",
    "parse_checked": "template parsed by Jinja",
    "shown_only": "shown only (no entry)",
    "missing": "Python block without an entry",
}


def classify(block: Block, entry: Any) -> str:
    """The block's outcome label (a key of OUTCOME_LABELS); assumes a valid entry."""
    if entry is None:
        if block.kind == "python":
            return "missing"
        return "parse_checked" if block.kind == "template" else "shown_only"
    kinds = entry_kinds(entry)
    if "run" in kinds:
        return "run-checked" if entry.get("requests") or entry.get("asserts") else "run"
    return kinds[0] if kinds else "missing"


# --------------------------------------------------------------------------
# No network
# --------------------------------------------------------------------------

NETGUARD_LOG_VAR = "EXAMPLES_NETGUARD_LOG"
NETGUARD_MESSAGE = "network access is blocked while the guide's examples run"


class NetworkBlocked(OSError):
    """Raised instead of reaching anything but this machine."""


_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _is_local_host(host: Any, *, allow_own_name: bool = False) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip().strip("[]").lower().rstrip(".")
    if name in ("",) or name in _LOCAL_NAMES or name.endswith(".localhost"):
        return True
    if allow_own_name and name == socket.gethostname().lower():
        return True
    try:
        address = ipaddress.ip_address(name.split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _is_local_address(family: int, address: Any) -> bool:
    if family == getattr(socket, "AF_UNIX", object()):
        return True
    if family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple) and address:
        return _is_local_host(address[0])
    return False


class NetworkGuard:
    """Make connections and name lookups for anything but this machine raise.

    Patches ``socket.socket.connect``/``connect_ex``/``sendto`` and the module
    functions that resolve names; every refused attempt is kept in
    ``attempts`` (and appended to ``log_path`` when given, for subprocesses).
    Guards nest: uninstall restores exactly what install replaced.
    """

    def __init__(self, log_path: str | os.PathLike | None = None):
        self.attempts: list[str] = []
        self.log_path = log_path
        self._saved: list[tuple[Any, str, Any, bool]] = []

    def _refuse(self, what: str) -> NetworkBlocked:
        self.attempts.append(what)
        if self.log_path:
            with open(self.log_path, "a", encoding="utf-8") as log:
                log.write(what + "\n")
        return NetworkBlocked(f"{NETGUARD_MESSAGE}: {what}")

    def _patch(self, owner: Any, name: str, replacement: Any) -> None:
        had = name in vars(owner)
        self._saved.append((owner, name, vars(owner).get(name), had))
        setattr(owner, name, replacement)

    def install(self) -> NetworkGuard:
        guard = self
        sock_cls = socket.socket
        connect, connect_ex, sendto = sock_cls.connect, sock_cls.connect_ex, sock_cls.sendto

        def checked_connect(sock, address):
            if not _is_local_address(sock.family, address):
                raise guard._refuse(f"connect to {address!r}")
            return connect(sock, address)

        def checked_connect_ex(sock, address):
            if not _is_local_address(sock.family, address):
                raise guard._refuse(f"connect to {address!r}")
            return connect_ex(sock, address)

        def checked_sendto(sock, data, *args):
            address = args[-1] if args else None
            if not _is_local_address(sock.family, address):
                raise guard._refuse(f"send to {address!r}")
            return sendto(sock, data, *args)

        def lookup(original, label):
            def checked(host, *args, **kwargs):
                if not _is_local_host(host, allow_own_name=True):
                    raise guard._refuse(f"{label}({host!r})")
                return original(host, *args, **kwargs)

            return checked

        self._patch(sock_cls, "connect", checked_connect)
        self._patch(sock_cls, "connect_ex", checked_connect_ex)
        self._patch(sock_cls, "sendto", checked_sendto)
        for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
            self._patch(socket, name, lookup(getattr(socket, name), name))
        return self

    def uninstall(self) -> None:
        while self._saved:
            owner, name, value, had = self._saved.pop()
            if had:
                setattr(owner, name, value)
            else:
                delattr(owner, name)

    def __enter__(self) -> NetworkGuard:
        return self.install()

    def __exit__(self, *exc: Any) -> None:
        self.uninstall()


def _install_guard_from_env() -> None:
    """Entry point for the sitecustomize written for example subprocesses."""
    NetworkGuard(os.environ.get(NETGUARD_LOG_VAR) or None).install()


# --------------------------------------------------------------------------
# Running examples
# --------------------------------------------------------------------------


def _excerpt(text: Any, limit: int = 600) -> str:
    text = text if isinstance(text, str) else repr(text)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} characters)"


def _register_source(block: Block, text: str | None = None) -> str:
    """A file name for tracebacks that shows the block's source and page."""
    filename = f"<{block.page}:{block.line} {block.id}>"
    source = block.text if text is None else text
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return filename


def resolve_files(entry: dict, question: Question) -> dict[str, str]:
    files = entry.get("files") or {}
    out = {}
    for name, value in files.items():
        out[name] = question.block(value).text if _is_int(value) else value
    return out


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _is_under(path: Any, folder: Path) -> bool:
    if not isinstance(path, str):
        return False
    try:
        return Path(path).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False


def _module_is_under(module: Any, folder: Path) -> bool:
    if _is_under(getattr(module, "__file__", None), folder):
        return True
    paths = getattr(module, "__path__", None)
    try:
        return any(_is_under(p, folder) for p in (paths or []))
    except TypeError:
        return False


@contextlib.contextmanager
def _time_limit(seconds: float, what: str) -> Iterator[None]:
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise ExampleFailure(f"{what}: still running after {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _no_servers(block: Block) -> Iterator[None]:
    """app.run() and run_simple() would serve forever: make them fail instead."""
    import flask
    import werkzeug.serving

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise ExampleFailure(
            f"{block.id}: the example starts a server (app.run / run_simple) when "
            'imported; put it under `if __name__ == "__main__":`'
        )

    saved = [(flask.Flask, "run", flask.Flask.run), (werkzeug.serving, "run_simple", werkzeug.serving.run_simple)]
    for owner, name, _ in saved:
        setattr(owner, name, refuse)
    try:
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


def _top_level_names(folder: Path) -> set[str]:
    names = set()
    for child in folder.iterdir():
        if child.suffix == ".py":
            names.add(child.stem)
        elif child.is_dir() and child.name.isidentifier():
            names.add(child.name)
    return names


@contextlib.contextmanager
def sandbox(tmp_path: Path, block: Block, files: dict[str, str], timeout: float = RUN_TIMEOUT):
    """A fresh folder as cwd and first import path, ``files`` written into it,
    no network, no servers, a time limit; on leaving, the cwd, sys.path,
    os.environ and sys.modules are as they were (modules imported from the
    folder, and "example", are removed). Yields the network guard."""
    folder = Path(tmp_path).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    write_files(folder, files)
    old_cwd = os.getcwd()
    old_path = list(sys.path)
    old_environ = dict(os.environ)
    sys.modules.pop("example", None)
    # Modules of the same name imported from elsewhere must not shadow the folder's.
    shadowed = {
        name: sys.modules.pop(name)
        for name in _top_level_names(folder)
        if name in sys.modules and not _module_is_under(sys.modules[name], folder)
    }
    old_modules = set(sys.modules)
    for var in PROXY_VARS:
        os.environ.pop(var, None)
    guard = NetworkGuard().install()
    failed = True
    try:
        os.chdir(folder)
        sys.path.insert(0, str(folder))
        importlib.invalidate_caches()
        with _no_servers(block), _time_limit(timeout, f"{block.id} ({block.where})"):
            yield guard
        failed = False
    except BaseException as exc:
        if guard.attempts:
            exc.add_note(f"blocked network access: {'; '.join(guard.attempts)}")
        raise
    finally:
        guard.uninstall()
        os.chdir(old_cwd)
        sys.path[:] = old_path
        sys.path_importer_cache.pop(str(folder), None)
        for name in set(sys.modules) - old_modules:
            if name == "example" or _module_is_under(sys.modules.get(name), folder):
                del sys.modules[name]
        sys.modules.update(shadowed)
        os.environ.clear()
        os.environ.update(old_environ)
    if not failed and guard.attempts:
        raise ExampleFailure(f"{block.id} ({block.where}) tried to reach the network: " + "; ".join(guard.attempts))


def _exec_block(block: Block, namespace: dict) -> None:
    code = compile(block.text, _register_source(block), "exec")
    try:
        exec(code, namespace)
    except SystemExit as exc:
        raise ExampleFailure(f"{block.id} ({block.where}) called sys.exit({exc.code!r})") from exc
    except ExampleFailure:
        raise
    except Exception as exc:
        exc.add_note(f"while executing {block.id} ({block.where})")
        raise


def execute_module(block: Block, question: Question, with_blocks: list[int], folder: Path) -> types.ModuleType:
    """Run ``with_blocks`` then the block as module "example" (registered in
    sys.modules; the sandbox removes it)."""
    path = folder / "example.py"
    module = types.ModuleType("example")
    module.__file__ = str(path)
    module.__spec__ = importlib.util.spec_from_file_location("example", path)
    module.__loader__ = module.__spec__.loader
    sys.modules["example"] = module
    for n in with_blocks:
        _exec_block(question.block(n), module.__dict__)
    _exec_block(block, module.__dict__)
    return module


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


def run_requests(app: Any, requests: list[dict], block: Block) -> None:
    client = app.test_client()
    for i, req in enumerate(requests, 1):
        method = str(req.get("method", "GET")).upper()
        path = req["path"]
        label = f"{block.id} request {i} ({method} {path})"
        kwargs: dict[str, Any] = {}
        if "query" in req:
            kwargs["query_string"] = _form_values(req["query"])
        if "form" in req:
            kwargs["data"] = _form_values(req["form"])
        if "json" in req:
            kwargs["json"] = req["json"]
        if "headers" in req:
            kwargs["headers"] = {str(k): str(v) for k, v in req["headers"].items()}
        if "session_before" in req:
            try:
                with client.session_transaction() as session:
                    session.update(req["session_before"])
            except RuntimeError as exc:
                raise ExampleFailure(
                    f"{label} ({block.where}): session_before: cannot open the session ({exc}); "
                    "does the app set a secret key?"
                ) from exc
        expected_status = req.get("status", 200)
        saved = app.config.get("PROPAGATE_EXCEPTIONS")
        if expected_status >= 500:
            # The example promises to answer an error itself: let its handler run.
            app.config["PROPAGATE_EXCEPTIONS"] = False
        try:
            response = client.open(path, method=method, **kwargs)
        except Exception as exc:
            exc.add_note(f"while sending {label}")
            raise
        finally:
            app.config["PROPAGATE_EXCEPTIONS"] = saved
        errors: list[str] = []
        body = response.get_data(as_text=True)
        if response.status_code != expected_status:
            errors.append(f"status: expected {expected_status}, got {response.status_code}")
        if "text" in req and body != str(req["text"]):
            errors.append(f"text: expected {str(req['text'])!r}, got {body!r}")
        for part in _as_list(req.get("contains")):
            if part not in body:
                errors.append(f"contains: {part!r} is not in the body")
        if "json_body" in req:
            got = response.get_json(silent=True)
            if got != req["json_body"]:
                errors.append(
                    f"json_body: expected {req['json_body']!r}, got {got!r}"
                    + ("" if response.is_json else f" (Content-Type {response.content_type})")
                )
        for name, value in (req.get("headers_out") or {}).items():
            got = response.headers.get(str(name))
            want = None if value is None else str(value)
            if got != want:
                errors.append(f"headers_out: {name}: expected {want!r}, got {got!r}")
        for name, parts in (req.get("headers_contain") or {}).items():
            got = response.headers.get(str(name))
            for part in _as_list(parts):
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
        response.close()
        if "session" in req:
            try:
                with client.session_transaction() as session:
                    contents = dict(session)
            except RuntimeError as exc:
                errors.append(f"session: cannot open the session ({exc}); does the app set a secret key?")
            else:
                for key, value in req["session"].items():
                    got = contents.get(key, _MISSING)
                    if value is None and got in (_MISSING, None):
                        continue
                    if got is _MISSING:
                        errors.append(f"session: {key!r} is missing (session: {contents!r})")
                    elif got != value:
                        errors.append(f"session: {key!r}: expected {value!r}, got {got!r}")
        if errors:
            raise ExampleFailure(
                f"{label} ({block.where}):\n  " + "\n  ".join(errors) + f"\n  body: {_excerpt(body)!s}"
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
            parts.append(f"{label}: {ast.unparse(side)} = {_excerpt(repr(value), 300)}")
        return "\n  " + "\n  ".join(parts)
    return ""


def run_asserts(asserts: list[str], namespace: dict, block: Block) -> None:
    for expr in asserts:
        tree = ast.parse(expr, mode="eval")
        try:
            value = eval(compile(tree, f"<assert of {block.id}>", "eval"), namespace)
        except Exception as exc:
            exc.add_note(f"while evaluating the assert {expr!r} of {block.id}")
            raise
        if not value:
            raise ExampleFailure(f"{block.id} ({block.where}): assert {expr} is {value!r}" + _explain(tree, namespace))


def _check_run(block: Block, question: Question, entry: dict, folder: Path) -> None:
    files = resolve_files(entry, question)
    files.setdefault("example.py", block.text)
    wb = entry.get("with_blocks") or []
    with_blocks = wb if isinstance(wb, list) else [wb]
    with sandbox(folder, block, files):
        # The sandbox restores os.environ when the block is done.
        os.environ.update({str(k): str(v) for k, v in (entry.get("env") or {}).items()})
        module = execute_module(block, question, with_blocks, folder.resolve())
        if entry.get("requests") or "app" in entry:
            app = find_app(module.__dict__, entry.get("app", "app"), block)
            app.testing = True
            if entry.get("requests"):
                run_requests(app, entry["requests"], block)
        if entry.get("asserts"):
            run_asserts(entry["asserts"], module.__dict__, block)


def _check_contains(output: str, contains: list[str], what: str) -> None:
    missing = [part for part in contains if part not in output]
    if missing:
        raise ExampleFailure(f"{what}: expected to contain {missing!r}\n  got: {_excerpt(output, 1500)}")


def _check_render(block: Block, question: Question, entries: dict, folder: Path) -> None:
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
    _check_contains(output, _as_list(spec.get("contains")), what)


_SITECUSTOMIZE = """\
import importlib.util as _util
_spec = _util.spec_from_file_location("_examples_netguard", {harness!r})
_module = _util.module_from_spec(_spec)
__import__("sys").modules[_spec.name] = _module
_spec.loader.exec_module(_module)
_module._install_guard_from_env()
"""


def run_subprocess(
    argv: list[str], cwd: Path, what: str, timeout: float = SUBPROCESS_TIMEOUT
) -> subprocess.CompletedProcess:
    """Run a command with the network guard installed in the child (through a
    sitecustomize on PYTHONPATH); fail if it tried to reach the network."""
    with tempfile.TemporaryDirectory(prefix="examples-guard-") as guard_dir:
        guard = Path(guard_dir)
        (guard / "sitecustomize.py").write_text(
            _SITECUSTOMIZE.format(harness=str(Path(__file__).resolve())), encoding="utf-8"
        )
        log = guard / "blocked.log"
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in PROXY_VARS and not k.startswith(("FLASK_", "PYTEST_", "PYTHON"))
        }
        env.update(
            PYTHONPATH=str(guard),
            PYTHONDONTWRITEBYTECODE="1",
            PYTHONIOENCODING="utf-8",
            NO_COLOR="1",
        )
        env[NETGUARD_LOG_VAR] = str(log)
        try:
            result = subprocess.run(
                argv,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
            )
        except subprocess.TimeoutExpired as exc:
            raise ExampleFailure(f"{what}: still running after {timeout} seconds") from exc
        attempts = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    if attempts:
        raise ExampleFailure(f"{what} tried to reach the network: {'; '.join(attempts)}")
    return result


def _check_pytest(block: Block, question: Question, entry: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    files = resolve_files(entry, question)
    files["test_example.py"] = block.text
    write_files(folder, files)
    what = f"{block.id} ({block.where}) as test_example.py"
    result = run_subprocess(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_example.py"],
        folder,
        what,
    )
    if result.returncode != 0:
        raise ExampleFailure(
            f"{what}: pytest exited with {result.returncode}\n" + _excerpt(result.stdout + result.stderr, 4000)
        )


def _check_shell(block: Block, question: Question, entry: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    files = resolve_files(entry, question)
    if block.kind == "python":
        files.setdefault("example.py", block.text)
    write_files(folder, files)
    # A list of commands runs in order in the same folder (flask db init, then
    # flask db migrate...); each must succeed, and `contains` looks at them all.
    outputs = []
    for command in shell_commands(entry):
        argv = [sys.executable, "-m", "flask", *shlex.split(command)[1:]]
        what = f"{block.id} ({block.where}): `{command}`"
        result = run_subprocess(argv, folder, what, timeout=RUN_TIMEOUT)
        if result.returncode != 0:
            raise ExampleFailure(
                f"{what} exited with {result.returncode}\n  stdout: {_excerpt(result.stdout)}"
                f"\n  stderr: {_excerpt(result.stderr, 2000)}"
            )
        outputs.append(result.stdout)
    commands = " then ".join(f"`{c}`" for c in shell_commands(entry))
    _check_contains("".join(outputs), _as_list(entry.get("contains")), f"{block.id} ({block.where}): {commands} stdout")


def python_syntax_problem(block: Block) -> str | None:
    try:
        ast.parse(block.text, filename=block.where)
    except SyntaxError as exc:
        line = block.page_line(exc.lineno or 1)
        return f"{block.page}:{line}: {block.id} is not valid Python: {exc.msg}\n  {(exc.text or '').rstrip()}"
    return None


def template_syntax_problem(block: Block) -> str | None:
    import jinja2

    try:
        jinja2.Environment().parse(block.text)
    except jinja2.TemplateSyntaxError as exc:
        return (
            f"{block.page}:{block.page_line(exc.lineno or 1)}: {block.id} is not a valid Jinja template: {exc.message}"
        )
    return None


def check_block(block: Block, guide: Guide, cases: dict[str, CaseFile], tmp_path: Path) -> str:
    """Check one block against its entry; return its outcome label, or raise
    ExampleFailure (or the example's own exception)."""
    question = guide.questions[block.question_id]
    case = cases.get(block.question_id)
    entries = case.entries if case else {}
    entry = entries.get(block.n)
    case_path = case.path if case else f"{_display(CASES_DIR)}/{block.question_id}.yml"
    if block.kind == "python":
        problem = python_syntax_problem(block)
        if problem:
            raise ExampleFailure(problem)
    if entry is not None:
        problems = entry_problems(block, question, entry, case_path)
        if problems:
            raise ExampleFailure("\n".join(problems))
    elif block.kind == "python":
        note = ""
        if case and case.problems:
            note = "\n(that case file has problems: " + "; ".join(case.problems) + ")"
        raise ExampleFailure(
            f"{block.where}: Python block {block.id} has no entry. Add one to {case_path}, e.g.\n"
            f"{block.n}:\n  run: {{}}\n  requests:\n    - path: /\n      contains: [...]\n"
            f"or `{block.n}: {{pytest: true}}`, or `{block.n}: {{parse_only: <why it cannot run>}}`" + note
        )
    outcome = classify(block, entry)
    folder = Path(tmp_path)
    if outcome == "parse_checked":
        problem = template_syntax_problem(block)
        if problem:
            raise ExampleFailure(
                problem + f"\n(if it is not meant to be a template, add `{block.n}: {{not_run: <why>}}` to {case_path})"
            )
    elif outcome in ("run", "run-checked"):
        _check_run(block, question, entry, folder)
        if "shell" in entry:
            _check_shell(block, question, entry, folder)
    elif outcome == "render":
        _check_render(block, question, entries, folder)
    elif outcome == "pytest":
        _check_pytest(block, question, entry, folder)
    elif outcome == "shell":
        _check_shell(block, question, entry, folder)
    return outcome
