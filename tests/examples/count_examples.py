"""Print what the guide's code examples amount to: the figures the team reports.

    PYTHONPATH=scripts python tests/examples/count_examples.py            # docs/ and tests/examples/cases/
    PYTHONPATH=scripts python tests/examples/count_examples.py --json     # the same, machine-readable

It reads the pages and case files exactly as tests/examples/test_examples.py
does (through the harness package beside it) but runs nothing: a block counted as
executed is one the test executes, not one known to pass.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import harness


def tally(docs: Path, cases_dir: Path) -> dict:
    guide = harness.collect(docs)
    cases = harness.load_cases(cases_dir)
    figures: dict = {
        # Headings with ids also mark non-question sections (tags, practice):
        # count only the answers and pages that hold code.
        "answers_with_code": sum(1 for q in guide.questions.values() if q.blocks),
        "pages_with_code": len({q.page for q in guide.questions.values() if q.blocks}),
        "blocks": 0,
        "by_language": Counter(),
        "run_checked": [],
        "run_only": [],
        "pytest": [],
        "render": [],
        "shell": [],
        "shell_only_python": [],
        "parse_checked": [],
        "parse_only": [],
        "not_run": [],
        "shown_only": [],
        "missing": [],
        "problems": list(guide.problems),
    }
    for case_file in cases.values():
        figures["problems"].extend(harness.case_file_problems(case_file, guide))
    for block in guide.blocks:
        figures["blocks"] += 1
        figures["by_language"][block.lang or "(none)"] += 1
        question = guide.questions[block.question_id]
        case = cases.get(block.question_id)
        entry = case.entries.get(block.n) if case else None
        if block.kind == "python":
            syntax = harness.python_syntax_problem(block)
            if syntax:
                figures["problems"].append(syntax)
        if case is not None and entry is not None:
            problems = harness.entry_problems(block, question, entry, case.where(block.n))
            if problems:
                figures["problems"].extend(problems)
                continue
        elif block.kind == "template":
            syntax = harness.template_syntax_problem(block)
            if syntax:
                figures["problems"].append(syntax)
                continue
        outcome = harness.classify(block, entry)
        record = {"id": block.id, "lang": block.lang or "(none)", "where": block.where}
        if outcome == "run-checked":
            figures["run_checked"].append(record)
        elif outcome == "run":
            figures["run_only"].append(record)
        elif outcome in ("pytest", "render", "parse_checked", "shown_only", "missing"):
            figures[outcome].append(record)
        elif outcome == "shell" and block.kind == "python":
            figures["shell_only_python"].append(record)
        elif outcome in ("parse_only", "not_run") and entry is not None:
            figures[outcome].append({**record, "reason": entry[outcome].strip()})
        if isinstance(entry, dict) and "shell" in entry:
            for command in harness.shell_commands(entry):
                figures["shell"].append({**record, "command": command})
    return figures


def report(figures: dict) -> str:
    lines: list[str] = []
    add = lines.append
    add(
        f"Code blocks: {figures['blocks']} "
        f"in {figures['answers_with_code']} answers on {figures['pages_with_code']} pages"
    )
    for lang, count in sorted(figures["by_language"].items(), key=lambda kv: (-kv[1], kv[0])):
        add(f"  {lang}: {count}")
    checked = len(figures["run_checked"]) + len(figures["pytest"])
    add(
        f"Python blocks executed with assertions: {checked} "
        f"(run with requests or asserts: {len(figures['run_checked'])}, pytest: {len(figures['pytest'])})"
    )
    add(f"Python blocks executed without assertions (run only): {len(figures['run_only'])}")
    for record in figures["run_only"]:
        add(f"  {record['id']}")
    if figures["shell_only_python"]:
        add(f"Python blocks loaded only by a flask command: {len(figures['shell_only_python'])}")
    add(f"Templates rendered: {len(figures['render'])}")
    add(f"Template blocks parse-checked: {len(figures['parse_checked'])}")
    add(f"Shell commands checked: {len(figures['shell'])}")
    for record in figures["shell"]:
        add(f"  {record['id']}: {record['command']}")
    add(f"Parse-only: {len(figures['parse_only'])}")
    for record in figures["parse_only"]:
        add(f"  {record['id']}: {record['reason']}")
    add(f"Not run: {len(figures['not_run'])}")
    for record in figures["not_run"]:
        add(f"  {record['id']} ({record['lang']}): {record['reason']}")
    by_lang = Counter(r["lang"] for r in figures["shown_only"])
    langs = ", ".join(f"{lang}: {n}" for lang, n in sorted(by_lang.items()))
    add(f"Shown only: {len(figures['shown_only'])}" + (f" ({langs})" if langs else ""))
    for record in figures["shown_only"]:
        add(f"  {record['id']} ({record['lang']})")
    add(f"Python blocks without an entry: {len(figures['missing'])}")
    for record in figures["missing"]:
        add(f"  {record['id']} ({record['where']})")
    add(f"Problems (the test fails on each): {len(figures['problems'])}")
    for problem in figures["problems"]:
        add("  " + problem.replace("\n", "\n    "))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=harness.DOCS_DIR, help="the generated pages (default docs/)")
    parser.add_argument(
        "--cases", type=Path, default=harness.CASES_DIR, help="the case files (default tests/examples/cases/)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = tally(args.docs, args.cases)
    if args.json:
        print(json.dumps(figures, indent=2, sort_keys=True))
    else:
        print(report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
