"""Rank answers above the pages and lists that contain them in search: one
step on the built site's search index, whichever builder built it.

    python -m site_build.search_ranking SITE_DIR [DOCS_DIR]

MkDocs runs it as a hook (mkdocs.yml ``hooks``, :func:`on_post_build`), so
every MkDocs build is ranked, ``mkdocs serve`` (scripts/serve.sh) and
scripts/build.py included. Zensical runs no MkDocs hook, so its builds are
ranked by running this step after ``zensical build`` (tests/site/sitebuild.py,
scripts/bench_builders.py). The step is idempotent: an index it has ranked
says so (``config.ranked``) and is left as it is.

Material's search indexes each page twice over: the page itself (its title
and the text before the first heading) and one entry per section. When a
query matches a page title - "cookies" and the page "Sessions, cookies and
contexts" - the worker multiplies the page entry's score by up to 5 and the
section's by up to 2, shows the page first and folds its answers away under
"N more on this page"; Enter then opens the top of the page, not the answer.
Zensical's search has no such grouping but the same fault in another form:
"cookies" finds the tag list "cookies" first, "session" the topic page.

No page setting mends it in either builder: Material's front matter
``search.boost`` weighs all of a page's entries alike, and Zensical's search
reads no weight at all. So the step rewrites the index:

- Material (``search/search_index.json``): every entry that is not an answer
  gets boost 0.1; the essentials (the questions interviews ask most, flagged
  in the editorial layer and listed in the practice data the normaliser
  writes, docs/assets/javascripts/questions-data.js) get 1.5, so that when
  "rest api" matches both the REST answer and a narrower one that mentions
  APIs, the answer most readers look for comes first; other answers keep 1.
- Zensical (``search.json``): its worker ignores ``boost``, so what would be
  lowered is left out instead - the entries that are not answers, on every
  page that holds answers or lists them (the topic pages, all questions,
  essentials, tags). The other pages (home, about, downloads, practice) keep
  theirs and are still found. The essentials weigh no more than other
  answers there.

Two more changes, for both builders. The sections of the pages that only
list questions (All questions, Essentials, the tags page) are dropped: their
lines repeat the answers' titles and would take result slots above the
answers; in Material the pages themselves stay findable. And an answer's text
starts with its badges (difficulty and tags, "Intermediate blueprints
architecture routing"), which either search would show as the snippet: they
move to the end of the entry's text, still searchable, out of the snippet.

One more change makes the index, which every page fetches, smaller: a code
block is indexed by its names, not its whole text. Its text is a quarter of
the index; what a reader searches in it is the names it uses (``url_for``,
``before_request``, ``--debug``), so the block becomes, at the end of the
entry, the words of it (split as the search splits them) that the entry's
prose does not already have. "app.route" or "SQLALCHEMY_DATABASE_URI" finds
the answer as before; a snippet is prose, not a cut-off listing.

An offline build also has the index as a script (``search_index.js`` or
``search.js``, ``var __index = {...}``) for file:// use; that copy is
rewritten the same way.

Which entries are answers is not guessed from the pages: it is the set of
targets of the short links q/<id>/ that the normaliser generated
(docs/generated.yml), i.e. "<page>#<question id>".

Without this step the site still works: answers are found, but grouped under
their page (Material) or after the lists and topic pages (Zensical).
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# Boost of every Material entry that is not an answer. Material multiplies a
# page entry's score by up to 2.5 times more than a section's, so anything
# under 0.4 ranks an equally good answer first; 0.1 leaves a clear margin.
OTHER_ENTRIES_BOOST = 0.1
# Boost of an essential answer; every other answer keeps 1.
ESSENTIAL_BOOST = 1.5
QUESTIONS_DATA = "assets/javascripts/questions-data.js"
GENERATED_YML = "generated.yml"

# Pages whose sections are lists of questions, by their docs/ path without .md.
LIST_PAGES = frozenset({"all-questions", "tags", "essentials"})

# The badges paragraph the normaliser renders first in every answer.
BADGES = re.compile(r"^\s*<p>((?:Beginner|Intermediate|Advanced)(?: [^<]*)?)</p>\s*")

# Where each builder writes its index, and the key of its list of entries.
MATERIAL = ("search/search_index.json", "search/search_index.js", "docs")
ZENSICAL = ("search.json", "search.js", "items")
SCRIPT_PREFIX = "var __index = "
# Set in the index's config once it is ranked; neither search reads it.
RANKED = "ranked"

_HREF_FRAGMENT = re.compile(r'href="[^"#]*#([^"]+)"')


@dataclass(frozen=True)
class Answers:
    """Answer locations as (page, anchor); page is the docs/ path without .md."""

    all: frozenset[tuple[str, str]]
    essential: frozenset[tuple[str, str]]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(anchor for _, anchor in self.all)


@dataclass(frozen=True)
class Ranked:
    builder: str  # "mkdocs" or "zensical"
    answers: int  # answer entries found in the index
    lowered: int  # entries given the low boost (Material)
    dropped: int  # entries left out
    already: bool = False  # the index was ranked before: nothing changed


def answers(docs_dir: Path) -> Answers:
    """The answers of the guide in ``docs_dir`` (none for a folder the normaliser did not write)."""
    generated = docs_dir / GENERATED_YML
    data = yaml.safe_load(generated.read_text(encoding="utf-8")) if generated.is_file() else {}
    maps = ((data or {}).get("plugins", {}).get("redirects", {}) or {}).get("redirect_maps", {}) or {}
    found = set()
    for target in maps.values():
        page, _, anchor = str(target).partition("#")
        if anchor:
            found.add((page.removesuffix(".md"), anchor))
    essential_ids = set()
    questions = docs_dir / QUESTIONS_DATA
    if questions.exists():
        for line in questions.read_text(encoding="utf-8").splitlines():
            if line.startswith("{"):
                item = json.loads(line.rstrip(","))
                if item.get("essential"):
                    essential_ids.add(item["id"])
    return Answers(
        all=frozenset(found),
        essential=frozenset(location for location in found if location[1] in essential_ids),
    )


def page_of(location: str) -> str:
    """The docs/ page (without .md) of an index location, with or without
    directory URLs: "basics/#x", "basics.html#x" -> "basics"; "", "index.html" -> "index"."""
    path = location.partition("#")[0]
    path = path.removesuffix("index.html").removesuffix(".html").rstrip("/")
    return path or "index"


def place(location: str) -> tuple[str, str]:
    return page_of(location), location.partition("#")[2]


def _read(path: Path) -> tuple[dict[str, Any], str, str]:
    """An index file as (data, text before, text after) so it can be written back alike."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text), "", ""
    if not text.startswith(SCRIPT_PREFIX):
        raise ValueError(f"{path}: not a search index script")
    body = text[len(SCRIPT_PREFIX) :].rstrip()
    suffix = ";" if body.endswith(";") else ""
    return json.loads(body.removesuffix(";")), SCRIPT_PREFIX, suffix


def _write(path: Path, data: dict[str, Any], prefix: str, suffix: str) -> None:
    path.write_text(prefix + json.dumps(data, separators=(",", ":")) + suffix, encoding="utf-8")


def _html_of(site_dir: Path, page: str) -> list[Path]:
    if page == "index":
        return [site_dir / "index.html"]
    return [site_dir / page / "index.html", site_dir / f"{page}.html"]


def pages_with_answers(site_dir: Path, pages: set[str], known: Answers) -> set[str]:
    """The pages that hold an answer, or link to one (the lists of answers)."""
    holding = {page for page, _ in known.all}
    ids = known.ids
    for page in pages - holding:
        for html in _html_of(site_dir, page):
            if html.is_file() and ids.intersection(_HREF_FRAGMENT.findall(html.read_text(encoding="utf-8"))):
                holding.add(page)
    return holding


def _badges_last(entry: dict[str, Any]) -> None:
    badges = BADGES.match(entry.get("text", ""))
    if badges:
        entry["text"] = entry["text"][badges.end() :] + f" <p>{badges.group(1)}</p>"


_CODE_BLOCK = re.compile(r"<pre>(.*?)</pre>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _code_as_names(entry: dict[str, Any], separator: re.Pattern[str]) -> None:
    """Replace the entry's code blocks by the words of them its prose lacks (see the module's docstring).

    The text is the index's HTML, where only ``&``, ``<`` and ``>`` are
    escaped; it is split as the search splits it (the separator knows ``&lt;``
    and ``&gt;``; an ``&amp;`` is no name), so each word is indexed as before.
    """
    text = entry.get("text", "")
    blocks = _CODE_BLOCK.findall(text)
    if not blocks:
        return
    prose = _CODE_BLOCK.sub(" ", text)
    known = {word.lower() for word in separator.split(_TAG.sub(" ", prose))}
    names = []
    for block in blocks:
        for word in separator.split(_TAG.sub(" ", block).replace("&amp;", " ")):
            if (
                len(word) > 1
                and any(c.isalpha() for c in word)
                and not keyword.iskeyword(word)
                and word.lower() not in known
            ):
                names.append(word)
                known.add(word.lower())
    entry["text"] = " ".join(
        part for part in (prose.strip(), f"<code>{' '.join(names)}</code>" if names else "") if part
    )


def _is_list_section(location: str) -> bool:
    page, anchor = place(location)
    return bool(anchor) and page in LIST_PAGES


def _rank_material(entries: list[dict[str, Any]], known: Answers) -> tuple[list[dict[str, Any]], int, int]:
    kept = [entry for entry in entries if not _is_list_section(entry["location"])]
    found = lowered = 0
    for entry in kept:
        where = place(entry["location"])
        if where in known.all:
            found += 1
            if where in known.essential:
                entry["boost"] = entry.get("boost", 1) * ESSENTIAL_BOOST
            _badges_last(entry)
        else:
            lowered += 1
            entry["boost"] = entry.get("boost", 1) * OTHER_ENTRIES_BOOST
    return kept, found, lowered


def _rank_zensical(entries: list[dict[str, Any]], known: Answers, site_dir: Path) -> tuple[list[dict[str, Any]], int]:
    holding = pages_with_answers(site_dir, {page_of(entry["location"]) for entry in entries}, known)
    kept = [
        entry
        for entry in entries
        if place(entry["location"]) in known.all
        or (page_of(entry["location"]) not in holding and not _is_list_section(entry["location"]))
    ]
    found = 0
    for entry in kept:
        if place(entry["location"]) in known.all:
            found += 1
            _badges_last(entry)
    return kept, found


def builder_of(site_dir: Path) -> str:
    """Which builder built ``site_dir``, told by where its search index is."""
    if (site_dir / MATERIAL[0]).is_file():
        return "mkdocs"
    if (site_dir / ZENSICAL[0]).is_file():
        return "zensical"
    raise FileNotFoundError(f"{site_dir}: no search index (neither {MATERIAL[0]} nor {ZENSICAL[0]})")


def rank(site_dir: Path, docs_dir: Path) -> Ranked:
    """Rewrite the built search index of ``site_dir`` (built from ``docs_dir``), once."""
    known = answers(docs_dir)
    builder = builder_of(site_dir)
    index_name, script_name, key = MATERIAL if builder == "mkdocs" else ZENSICAL
    files = [site_dir / index_name] + ([site_dir / script_name] if (site_dir / script_name).is_file() else [])
    result = Ranked(builder, 0, 0, 0)
    for path in files:
        data, prefix, suffix = _read(path)
        if data.get("config", {}).get(RANKED):
            result = Ranked(builder, 0, 0, 0, already=True)
            continue
        entries = data[key]
        separator = re.compile(data.get("config", {}).get("separator") or r"\W+")
        for entry in entries:
            _code_as_names(entry, separator)  # before the badges move to the end
        if builder == "mkdocs":
            kept, found, lowered = _rank_material(entries, known)
        else:
            kept, found = _rank_zensical(entries, known, site_dir)
            lowered = 0
        if known.all and not found:
            raise ValueError(f"{path}: no answer found in the search index")
        data[key] = kept
        data.setdefault("config", {})[RANKED] = True
        result = Ranked(builder, found, lowered, len(entries) - len(kept))
        _write(path, data, prefix, suffix)
    return result


def on_post_build(config: Any) -> None:
    """The MkDocs hook: rank the index the search plugin has just written,
    before the offline plugin (if any) turns it into a script."""
    if (Path(config.site_dir) / MATERIAL[0]).is_file():
        rank(Path(config.site_dir), Path(config.docs_dir))


# After the search plugin (priority 0), before the offline plugin (-100): the
# attribute mkdocs.plugins.event_priority(-50) would set, without importing
# MkDocs into the step that Zensical's builds use.
on_post_build.mkdocs_priority = -50  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("docs_dir", type=Path, nargs="?", default=Path(__file__).resolve().parents[2] / "docs")
    args = parser.parse_args(argv)
    result = rank(args.site_dir, args.docs_dir)
    if result.already:
        print(f"search ranking ({result.builder}): already ranked, left as it is")
    else:
        print(
            f"search ranking ({result.builder}): {result.answers} answers, "
            f"{result.lowered} entries lowered, {result.dropped} left out"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
