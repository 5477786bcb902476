"""Turn the raw interview texts in sources/ into the Markdown pages in docs/.

    python scripts/normalise.py            regenerate docs/
    python scripts/normalise.py --check    exit 1 when docs/ is not what this would write
    python scripts/normalise.py --report   where every source question's answer lives
    python scripts/normalise.py --sources DIR --out DIR   try other sources, elsewhere
    python scripts/normalise.py --explain [-v] [--sources DIR]   what the readers saw, per guide

Bad input ends with ``path:line: message`` on stderr and exit status 2, and
leaves the output folder exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from guide import output, pipeline
from guide.errors import GuideError

HERE = Path(__file__).resolve().parent

ROOT = HERE.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=ROOT / "sources", help="folder of raw *.txt sources")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder the pages are written to")
    parser.add_argument(
        "--editorial",
        type=Path,
        default=None,
        help="folder of editorial data (default: scripts/editorial; with --sources, only its topics and site settings)",
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the output is stale")
    parser.add_argument(
        "--report",
        action="store_true",
        help="print source place -> answer, one line per source question, then the authored questions",
    )
    parser.add_argument("--proposals", action="store_true", help="print duplicate questions not yet merged")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="write nothing; print per source and guide the layout chosen, the runner-up, and what was found and dropped",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="with --explain: list the unanswered questions and chrome lines"
    )
    args = parser.parse_args(argv)
    # Paths and wordings can hold anything; a terminal that cannot show a character gets an escape.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")

    if args.explain:
        return explain(args.sources, args.verbose)

    try:
        return run(args)
    except GuideError as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:
        where = error.filename if error.filename is not None else args.out
        print(f"{display(where)}:1: {error.strerror or error}", file=sys.stderr)
        return 2


def display(path: object) -> str:
    """A path as text even when its name is not UTF-8 (its bytes shown as escapes)."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def run(args: argparse.Namespace) -> int:
    # Trying other sources: the guide's answer entries name the guide's own
    # questions, so only its topics and site settings apply.
    try_out = args.editorial is None and args.sources.resolve() != (ROOT / "sources").resolve()
    result = pipeline.build(args.sources, args.editorial or HERE / "editorial", with_entries=not try_out)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)

    if args.report:
        for place, target in result.report:
            # A question the source asks without answering is flagged: its page says "no answer yet".
            print(f"{place}\t{target}" + ("\tunanswered" if place in result.unanswered else ""))
        # Then the questions the team wrote, which have no source place.
        for place, target in result.authored:
            print(f"{place}\t{target}\tauthored")
    if args.proposals:
        for p in result.proposals:
            print(f"{p.score:.2f}\t{p.first}\t{p.second}")
    if args.check:
        for warning in output.report_leftovers(args.out):
            print(f"warning: {warning}", file=sys.stderr)
        changed = output.stale(result.files, args.out)
        if changed:
            print("stale: " + ", ".join(changed) + " (run python scripts/normalise.py)", file=sys.stderr)
            return 1
        return 0
    if not args.report and not args.proposals:
        for warning in output.write(result.files, args.out):
            print(f"warning: {warning}", file=sys.stderr)
    return 0


def explain(sources: Path, verbose: bool) -> int:
    """Print what the readers saw; exit 2 (with ``path:line: message``) if a file would be refused."""
    try:
        lines, problems = pipeline.explain(sources, verbose)
    except GuideError as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{error.filename or sources}:1: {error.strerror or error}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
