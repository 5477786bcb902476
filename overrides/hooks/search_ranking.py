"""Rank answers above the pages and lists that contain them in search.

Material's search indexes each page twice over: the page itself (its title
and the text before the first heading) and one entry per section. When a
query matches a page title - "cookies" and the page "Sessions, cookies and
contexts" - the worker multiplies the page entry's score by up to 5 and the
section's by up to 2, shows the page first and folds its answers away under
"N more on this page"; Enter then opens the top of the page, not the answer.
No setting changes that (a page's `search.boost` applies to all its entries
alike), so this hook lowers the boost of every search entry that is not an
answer, after the search plugin has written its index and before the offline
plugin, if any, turns the index into a script.

Which entries are answers is not guessed from the pages: it is the set of
targets of the short links q/<id>/ that the normaliser generated for the
redirects plugin (docs/generated.yml), i.e. "<page>#<question id>".

Among answers, the essentials (the questions interviews ask most, flagged
in the editorial layer and listed in the practice data the normaliser writes,
docs/assets/javascripts/questions-data.js) get a higher boost: when a query
such as "rest api" matches both the REST answer and a narrower one that
mentions APIs, the answer most readers are looking for comes first.

Two more changes to the index, for the same reason. The sections of the
pages that only list questions (All questions, Essentials, the tags page)
are dropped: their lines repeat the answers' titles and would take result
slots above the answers; the pages themselves stay findable. And an answer's
text starts with its badges (difficulty and tags, "Intermediate blueprints
architecture routing"), which Material would show as the snippet: they move
to the end of the entry's text, still searchable, out of the snippet.

Without this hook the site still works: answers are found, but grouped under
their page as Material does by default.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search_ranking")

# Boost of every entry that is not an answer. Material multiplies a page
# entry's score by up to 2.5 times more than a section's, so anything under
# 0.4 ranks an equally good answer first; 0.1 leaves a clear margin.
OTHER_ENTRIES_BOOST = 0.1
# Boost of an essential answer; every other answer keeps 1.
ESSENTIAL_BOOST = 1.5
QUESTIONS_DATA = "assets/javascripts/questions-data.js"

# Pages whose sections are lists of questions, by their source file.
LIST_PAGES = {"all-questions.md", "tags.md", "essentials.md"}

# The badges paragraph the normaliser renders first in every answer.
BADGES = re.compile(r"^\s*<p>((?:Beginner|Intermediate|Advanced)(?: [^<]*)?)</p>\s*")

_answers_by_page: dict[str, set[str]] = {}
_list_page_urls: set[str] = set()
_answer_locations: set[str] = set()
_essential_locations: set[str] = set()
_essential_ids: set[str] = set()


def on_config(config):
    _answers_by_page.clear()
    _answer_locations.clear()
    _essential_locations.clear()
    _essential_ids.clear()
    data = Path(config.docs_dir) / QUESTIONS_DATA
    if data.exists():
        for line in data.read_text(encoding="utf-8").splitlines():
            if line.startswith("{"):
                item = json.loads(line.rstrip(","))
                if item.get("essential"):
                    _essential_ids.add(item["id"])
    _list_page_urls.clear()
    redirects = config.plugins.get("redirects")
    maps = redirects.config.get("redirect_maps", {}) if redirects else {}
    for target in maps.values():
        page, _, anchor = str(target).partition("#")
        if anchor:
            _answers_by_page.setdefault(page, set()).add(anchor)
    return config


def on_page_context(context, page, config, nav):
    if page.file.src_uri in LIST_PAGES:
        _list_page_urls.add(page.url)
    for anchor in _answers_by_page.get(page.file.src_uri, ()):
        _answer_locations.add(f"{page.url}#{anchor}")
        if anchor in _essential_ids:
            _essential_locations.add(f"{page.url}#{anchor}")
    return context


@event_priority(-50)  # after the search plugin (0), before the offline plugin (-100)
def on_post_build(config):
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    answers = 0
    kept = []
    for entry in index["docs"]:
        page, _, anchor = entry["location"].partition("#")
        if anchor and page in _list_page_urls:
            continue
        kept.append(entry)
        if entry["location"] in _answer_locations:
            answers += 1
            if entry["location"] in _essential_locations:
                entry["boost"] = entry.get("boost", 1) * ESSENTIAL_BOOST
            badges = BADGES.match(entry.get("text", ""))
            if badges:
                entry["text"] = entry["text"][badges.end() :] + f" <p>{badges.group(1)}</p>"
        else:
            entry["boost"] = entry.get("boost", 1) * OTHER_ENTRIES_BOOST
    index["docs"] = kept
    if _answer_locations and not answers:
        log.warning("search ranking: no answer found in the search index")
    index_file.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
