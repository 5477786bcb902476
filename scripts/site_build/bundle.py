"""Our stylesheets, and the small scripts every page runs, each served as one file.

A first visit pays a request (and, for a stylesheet, a wait before the first
paint) per file, so the pages link to one bundle of each kind instead of its
parts. The parts stay separate files in docs/assets/, one concern each; this
hook writes each bundle (``BUNDLES``: the bundle's path and its parts, in
order) into the build, where the minify plugin in mkdocs.yml minifies it.
mkdocs.yml lists the bundles in ``extra_css`` and ``extra_javascript``; the
parts themselves are not published. Zensical runs no MkDocs hook and refuses
a strict build whose ``extra_css`` names a missing file, so before a Zensical
build the same bundles are written into the folder it builds from by
:func:`publish` (``python -m site_build.bundle DOCS_DIR``; the files are
ignored by git, and a bundle already there is replaced by the hook).

A part of a script bundle is a self-contained function expression
(``(function () { ... })();``); each is ended with a semicolon of its own, so
that no part runs into the next. practice.js is not bundled: it is the one
script a test stubs out by name to see the page without it.
"""

from __future__ import annotations

import sys
from pathlib import Path

BUNDLES = {
    "assets/stylesheets/guide.bundle.css": (
        "assets/stylesheets/guide.css",
        "assets/stylesheets/practice.css",
    ),
    "assets/javascripts/guide.bundle.js": (
        "assets/javascripts/copy-link.js",
        "assets/javascripts/accessibility.js",
        "assets/javascripts/search-help.js",
    ),
}


def bundle_text(docs: Path, parts: tuple[str, ...], script: bool) -> str:
    """The parts of one bundle, read from ``docs``, one after the other."""
    texts = [(docs / part).read_text(encoding="utf-8").strip() for part in parts]
    if script:
        texts = [text if text.endswith(";") else text + ";" for text in texts]
    return "\n".join(texts) + "\n"


def bundles(docs: Path) -> list[tuple[str, tuple[str, ...], str]]:
    """(path, parts, text) of every bundle whose parts ``docs`` has (a scratch project may have none)."""
    return [
        (path, parts, bundle_text(docs, parts, script=path.endswith(".js")))
        for path, parts in BUNDLES.items()
        if all((docs / part).is_file() for part in parts)
    ]


def on_files(files, config):
    from mkdocs.structure.files import File

    for path, parts, text in bundles(Path(config.docs_dir)):
        for stale in (*parts, path):  # the parts, and a bundle publish() left in docs/
            part_file = files.get_file_from_path(stale)
            if part_file is not None:
                files.remove(part_file)
        files.append(File.generated(config, path, content=text))
    return files


def publish(target: Path, docs: Path, drop_parts: bool = False) -> list[Path]:
    """Write the bundles of ``docs``'s parts into ``target`` (a docs folder or a built site).

    ``drop_parts`` removes the parts from ``target`` afterwards (a throwaway
    copy, where nothing else needs them).
    """
    written = []
    for path, parts, text in bundles(docs):
        (target / path).write_text(text, encoding="utf-8")
        written.append(target / path)
        for part in parts if drop_parts else ():
            (target / part).unlink(missing_ok=True)
    return written


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    for written in publish(folder, folder):
        print(written)
