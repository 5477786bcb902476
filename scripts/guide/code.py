"""Code: telling code from prose, naming its language, repairing and formatting it.

Repairs are applied only to Python that does not parse, one kind at a time,
so working code is never "fixed"; what parses is then formatted by ruff's
formatter (black's style), so every Python block on the site has one style
that no person had to keep. Formatting runs once for all blocks of a build:
one formatter process for thousands of snippets instead of one each.
"""

from __future__ import annotations

import ast
import re
import subprocess
from dataclasses import dataclass

from ruff.__main__ import find_ruff_bin

PYTHON_LINE = re.compile(
    r"""^(
        from\s*[A-Za-z_][\w.]*\s+import\b.*
      | import\s+[A-Za-z_][\w.]*(\s*,\s*[A-Za-z_][\w.]*)*(\s+as\s+\w+)?\s*(\#.*)?$
      | @[A-Za-z_][\w.]*(\(.*\))?\s*$
      | (async\s+)?def\s+\w+\s*\(.*
      | class\s+\w+\s*[(:].*
      | (if|elif|while|for|with|except|async\s+with|async\s+for)\b.*:\s*(\#.*)?$
      | (else|try|finally)\s*:\s*$
      | (return|raise|yield|assert|del|global|nonlocal)\b.*
      | (pass|break|continue)\s*$
      | [A-Za-z_][\w.]*(\[[^\]]*\])*(\s*,\s*[A-Za-z_]\w*)*\s*(=|\+=|-=|\*=|/=|:\s*[\w\[\], ]+\s*=)\s*[^=\s].*
      | [A-Za-z_][\w.]*\(.*\)\s*(\#.*)?$
      | \#\s?.*
      | print\(.*
    )$""",
    re.X,
)
HTML_LINE = re.compile(r"^(<!DOCTYPE\b|</?[A-Za-z][\w-]*(\s[^>]*)?/?>|\{%|\{\{|\{#)", re.I)
HTML_TERM = re.compile(r"^<\w+>\s*[:\-]\s")  # "<b>: adds a breakpoint" is a definition, not HTML
SHELL_LINE = re.compile(
    r"^(\$\s+)?(pip3?|python3?|flask|gunicorn|uwsgi|waitress-serve|export|git|cd|pytest|docker|"
    r"heroku|npm|celery|sudo|apt(-get)?|mkdir|curl|virtualenv|source|\.\s+venv|uvicorn)(\s|$)"
)
NGINX_LINE = re.compile(
    r"^(upstream\s+[\w.-]+\s*\{|server\s*\{|location\s+\S+\s*\{|proxy_pass\s|proxy_set_header\s|"
    r"listen\s+\d|server_name\s|server\s+[\w.:\-]+(\s+\w+=\S+)*\s*;|root\s+/|include\s+\S+;|"
    r"http\s*\{|events\s*\{|worker_processes\s)"
)
CLOSER = re.compile(r"^[)\]}]+[,;:]?\s*$")


def _prose_like(line: str) -> bool:
    """Four plain words in a row outside quotes and brackets read as prose."""
    bare = re.sub(r"(\"[^\"]*\"|'[^']*'|\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\})", " ", line)
    return bool(re.search(r"\b[A-Za-z]+ [A-Za-z]+ [A-Za-z]+ [A-Za-z]+ [A-Za-z]+", bare))


def line_language(line: str) -> str | None:
    """The language a line of code is in, or None for prose."""
    text = line.strip()
    if not text:
        return None
    if NGINX_LINE.match(text):
        return "nginx"
    if HTML_LINE.match(text) and not HTML_TERM.match(text):
        return "html"
    if SHELL_LINE.match(text) and not text.endswith((".", ":")) and len(text.split()) <= 12:
        return "bash"
    if PYTHON_LINE.match(text):
        if text.startswith("#"):
            return "python-comment"
        if _prose_like(text) and not text.startswith(("from", "import", "def", "class", "@")):
            return None
        if text.endswith(".") and not text.endswith("..."):
            return None
        return "python"
    return None


def is_closer(line: str) -> bool:
    return bool(CLOSER.match(line.strip()))


# --- repairs -------------------------------------------------------------------


TYPESET = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2032": "'",
        "\u2033": '"',
        "\u00a0": " ",
        "\t": "    ",
    }
)


def straighten(code: str) -> str:
    """Quotes, dashes and spaces that typesetting put into code."""
    code = code.translate(TYPESET)
    return re.sub(r"(?<=\s)[\u2013\u2014](?=[A-Za-z])", "--", code)


def fix_glued_from(code: str) -> str:
    """``fromflask import X`` -> ``from flask import X``."""
    return re.sub(r"(?m)^([ \t]*)from(?=[A-Za-z_])([\w.]+)([ \t]+import\b)", r"\1from \2\3", code)


COMPOUND = re.compile(r"^(\s*)(async\s+def|def|class|if|elif|else|for|while|with|try|except|finally)\b")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def fix_missing_colons(code: str) -> str:
    """A compound statement header followed by a deeper line needs a colon."""
    lines = code.split("\n")
    # The next non-blank line after each line, found once from the end (not by a scan per line).
    following_of: list[str | None] = [None] * len(lines)
    nxt: str | None = None
    for i in range(len(lines) - 1, -1, -1):
        following_of[i] = nxt
        if lines[i].strip():
            nxt = lines[i]
    for i, line in enumerate(lines):
        match = COMPOUND.match(line)
        if not match or line.rstrip().endswith(":") or line.rstrip().endswith(("(", ",", "\\")):
            continue
        if line.count("(") != line.count(")"):
            continue
        following = following_of[i]
        if following is not None and _indent(following) > _indent(line):
            lines[i] = line.rstrip() + ":"
    return "\n".join(lines)


def _open_brackets(line: str, depth: int) -> int:
    in_string = None
    for ch in line:
        if in_string:
            if ch == in_string:
                in_string = None
        elif ch in "'\"":
            in_string = ch
        elif ch == "#":
            break
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
    return depth


def fix_indentation(code: str) -> str:
    """Snap each statement's indent to a level the block structure allows.

    Scraped code loses a space here and there ("   mail.send(msg)" under a
    four-space body); a line between two known levels goes to the nearest one,
    a body after a colon is indented, and lines inside brackets or triple
    quotes are left alone.
    """
    lines = code.split("\n")
    stack = [0]
    depth = 0
    in_triple = False
    opener = False
    out = []
    for line in lines:
        if not line.strip() or depth > 0 or in_triple:
            out.append(line)
        else:
            indent = _indent(line)
            if opener:
                if indent <= stack[-1]:
                    indent = stack[-1] + 4
                stack.append(indent)
            elif indent in stack:
                while stack[-1] != indent:
                    stack.pop()
            else:
                indent = min(stack, key=lambda level: (abs(level - indent), -level))
                while stack[-1] != indent:
                    stack.pop()
            line = " " * indent + line.lstrip(" ")
            out.append(line)
            opener = line.rstrip().endswith(":") and not line.lstrip().startswith("#")
        if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
            in_triple = not in_triple
        if not in_triple:
            depth = _open_brackets(line, depth)
    return "\n".join(out)


MIDDLE_CLAUSE = re.compile(r"^(elif|else|except|finally)\b")
MIDDLE_OF = {
    "elif": ("if", "elif"),
    "else": ("if", "elif", "for", "while", "try", "except"),
    "except": ("try", "except"),
    "finally": ("try", "except", "else"),
}
BLOCK_KIND = re.compile(r"^(async\s+)?(def|class|if|elif|else|for|while|with|try|except|finally|match|case)\b")
ENDS_BLOCK = re.compile(r"^(return|raise|pass|break|continue)\b|^abort\(")
TOP_LEVEL = re.compile(r"^(import\s|from\s+\S+\s+import\b|if\s+__name__\s*==)")


def fix_lost_indentation(code: str) -> str:
    """Rebuild the indentation of Python that lost all of it (every line at column 0).

    Only code with a block opener and no indented line at all qualifies: a
    Markdown fence or a scrape that flattened it. The structure is read from
    the statements: a colon opens a block; ``return``, ``raise``, ``pass``,
    ``break``, ``continue`` and ``abort()`` close one; ``elif``/``else``/``except``/
    ``finally`` go back to their header; imports and ``if __name__ == ...`` are
    top level; a blank line closes the loops, conditions and the like that
    are open, but not a function or class body; a ``def``, ``class`` or
    decorator right after a header is nested in it, and after anything else
    goes back to the enclosing class body (a class after a blank line: to the
    top); code that names an open class comes after it. Lines inside
    brackets or triple quotes are continuation.
    """
    lines = code.split("\n")
    filled = [line for line in lines if line.strip()]
    if any(line[:1] in (" ", "\t") for line in filled):
        return code
    if not any(line.rstrip().endswith(":") for line in filled[:-1]):
        return code
    stack: list[str] = []  # kinds of the open blocks, outermost first
    classes: list[str] = []  # beside each, the name of the class it defines ("" for other blocks)
    opened_class = ""
    out: list[str] = []
    opened = ""  # the kind of block the previous statement opened
    decorated = False
    depth = 0
    in_triple = False
    blank = False
    for line in lines:
        text = line.strip()
        if not text:
            out.append("")
            blank = depth == 0 and not in_triple
            continue
        if blank and not opened and not MIDDLE_CLAUSE.match(text):
            while stack and stack[-1] not in ("def", "class"):
                _pop(stack, classes)
        if depth > 0 or in_triple:
            out.append(("    " * (len(stack) + 1) if depth > 0 else "") + text)
        else:
            if opened:
                stack.append(opened)
                classes.append(opened_class)
            elif decorated:
                pass  # a decorated def or class stays with its decorator
            elif middle := MIDDLE_CLAUSE.match(text):
                keyword = middle.group(1)
                while stack and stack[-1] not in MIDDLE_OF[keyword]:
                    _pop(stack, classes)
                if stack:
                    _pop(stack, classes)
            elif TOP_LEVEL.match(text) or (text.startswith("class ") and blank):
                stack, classes = [], []
            elif uses := [k for k, name in enumerate(classes) if name and re.search(rf"\b{name}\b", text)]:
                del stack[uses[0] :], classes[uses[0] :]  # code that uses a class comes after the class
            elif text.startswith(("def ", "async def ", "class ", "@")):
                while stack and stack[-1] != "class":
                    _pop(stack, classes)
            out.append("    " * len(stack) + text)
            kind = BLOCK_KIND.match(text)
            opened = (kind.group(2) if kind else "block") if text.endswith(":") and not text.startswith("#") else ""
            named = re.match(r"class\s+(\w+)", text)
            opened_class = named.group(1) if named and opened else ""
            decorated = text.startswith("@")
            if ENDS_BLOCK.match(text) and stack and not opened:
                _pop(stack, classes)
        blank = False
        if text.count('"""') % 2 == 1 or text.count("'''") % 2 == 1:
            in_triple = not in_triple
        if not in_triple:
            depth = _open_brackets(text, depth)
    return "\n".join(out)


def _pop(stack: list[str], classes: list[str]) -> None:
    stack.pop()
    classes.pop()


def parses(code: str) -> bool:
    """Whether the code parses; code too deeply nested for the parser (a 50,000-term sum) does not."""
    try:
        ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


@dataclass(frozen=True)
class Repaired:
    code: str
    parses: bool
    fixes: tuple[str, ...]


REPAIRS = (
    ("glued 'from'", fix_glued_from),
    ("missing colon", fix_missing_colons),
    ("lost indentation", fix_lost_indentation),
    ("broken indentation", fix_indentation),
)


def repair_python(code: str) -> Repaired:
    """Apply the repairs a failing block needs, then format what parses."""
    code = dedent(straighten(code))
    fixes: list[str] = []
    if not parses(code):
        for name, repair in REPAIRS:
            fixed = repair(code)
            if fixed != code:
                code = fixed
                fixes.append(name)
            if parses(code):
                break
    return Repaired(code.strip("\n"), parses(code), tuple(fixes))


SNIPPET_MARK = "# --normalise-snippet-{}--"
SNIPPET_SPLIT = re.compile(r"(?m)^# --normalise-snippet-(\d+)--\n")


def format_python(snippets: list[str]) -> dict[str, str]:
    """Each distinct snippet formatted by ruff; one that does not parse stays as it is.

    The parsing snippets go through one ruff process as one module, each
    behind a marker comment, and are split apart again: snippets are
    top-level code, so each comes out as it would alone.
    """
    distinct = sorted(set(snippets))
    good = [s for s in distinct if parses(s)]
    formatted = {s: s.strip("\n") for s in distinct}
    if not good:
        return formatted
    module = "".join(f"{SNIPPET_MARK.format(n)}\n{snippet.strip(chr(10))}\n" for n, snippet in enumerate(good))
    result = subprocess.run(
        [find_ruff_bin(), "format", "--isolated", "--no-cache", "--quiet", "-"],
        input=module,
        capture_output=True,
        text=True,
        check=False,
    )
    pieces = SNIPPET_SPLIT.split(result.stdout) if result.returncode == 0 else []
    # pieces: ["", "0", text0, "1", text1, ...]
    if len(pieces) == 2 * len(good) + 1:
        for number, text in zip(pieces[1::2], pieces[2::2], strict=True):
            formatted[good[int(number)]] = text.strip("\n")
    return formatted


def dedent(code: str) -> str:
    lines = code.split("\n")
    indents = [_indent(line) for line in lines if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(line[cut:] if line.strip() else "" for line in lines)


def repair_shell(code: str) -> str:
    code = straighten(code)
    return re.sub(r"(?m)^([ \t]*)Flask(\s)", r"\1flask\2", dedent(code)).strip("\n")


def repair_markup(code: str) -> str:
    return dedent(straighten(code)).strip("\n")


def markup_language(code: str) -> str:
    """Templates with Jinja syntax are html+jinja; plain markup is html."""
    return "html+jinja" if re.search(r"\{\{|\{%|\{#", code) else "html"
