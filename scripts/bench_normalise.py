"""Benchmark the normaliser on synthetic guides of 1,000, 5,000 and 10,000 questions.

    python scripts/bench_normalise.py [--sizes 1000 5000 10000] [--keep DIR]

Each synthetic guide is made from the real sources' questions: every copy gets
two invented words in its question and answer, and a unique comment in its
code, so the copies are neither duplicates of each other (duplicate detection
has real work to do and must not go quadratic) nor cached formatting. Prints
seconds per size and per 1,000 questions; the target is linear growth under
1 s per 1,000 questions. Not a test: figures, not assertions.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from guide import pipeline
from guide.read import read_source

HERE = Path(__file__).resolve().parent

ROOT = HERE.parent
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "si", "to", "va", "ze", "qu", "bo", "fi"]


def word(number: int) -> str:
    """A pronounceable invented word, different for every number."""
    letters = []
    number += 1
    while number:
        number, digit = divmod(number, len(SYLLABLES))
        letters.append(SYLLABLES[digit])
    return "".join(letters)


def synthetic_source(count: int) -> str:
    base = []
    for path in sorted((ROOT / "sources").glob("*.txt")):
        base += read_source(path, path.name)
    lines = [f"Synthetic guide of {count} questions", ""]
    for number in range(count):
        raw = base[number % len(base)]
        a, b = word(2 * number), word(2 * number + 1)
        question = raw.text[0].lower() + raw.text[1:]
        lines.append(f"Q #{number + 1}) In the {a} {b} project, {question}")
        answer = [
            line.replace("Flask", f"Flask ({a})", 1) if i == 0 else line for i, line in enumerate(raw.answer_lines)
        ]
        answer = [f"{line}  # {a}" if line.startswith("def ") else line for line in answer]
        lines += [*answer, ""]
    return "\n".join(lines) + "\n"


def time_one(count: int, keep: Path | None) -> float:
    folder = Path(tempfile.mkdtemp(prefix="bench-normalise-"))
    try:
        (folder / "synthetic.txt").write_text(synthetic_source(count), encoding="utf-8")
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(folder / "synthetic.txt", keep / f"synthetic-{count}.txt")
        start = time.perf_counter()
        result = pipeline.build(folder, HERE / "editorial", with_entries=False)
        elapsed = time.perf_counter() - start
        assert len(result.report) == count, "every synthetic question is read"
        return elapsed
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--keep", type=Path, help="also save the synthetic sources here")
    args = parser.parse_args()
    print(f"{'questions':>10} {'seconds':>9} {'s per 1,000':>12}")
    for count in args.sizes:
        seconds = time_one(count, args.keep)
        print(f"{count:>10} {seconds:>9.2f} {seconds / count * 1000:>12.3f}")


if __name__ == "__main__":
    main()
