"""Build everything the guide publishes into one folder, build/site/.

    python scripts/build.py                 build/site/, with build/work/ for the steps
    python scripts/build.py --out DIR --work DIR

build/site/ is the online site, ready to upload as it is, with the downloads
inside it:

    downloads/flask-interview-guide.zip   the offline site, one top folder
    downloads/flask-interview-guide.pdf   the printable page, printed
    print/                                the printable page

How: scripts/site_build/publish.py. Nothing outside the output and work
folders is written; docs/ stays as it is.

The PDF needs Chromium: CHROMIUM_PATH, else /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from site_build import downloads, project
from site_build.publish import build

HERE = Path(__file__).resolve().parent

ROOT = project.ROOT


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site", help="the site to publish")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "work", help="intermediate files")
    args = parser.parse_args(argv)

    result = build(args.out, args.work)
    zip_size = result.zip.stat().st_size
    pdf_size = result.pdf.path.stat().st_size
    print(f"site  {_shown(result.site)}")
    print(f"zip   {_shown(result.zip)}  {zip_size} bytes ({downloads.human_size(zip_size)})")
    print(
        f"pdf   {_shown(result.pdf.path)}  {pdf_size} bytes ({downloads.human_size(pdf_size)}), "
        f"{result.pdf.pages} pages"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
