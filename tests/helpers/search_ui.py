"""How a reader's query is typed into each builder's search, and what it shows.

Material renders its results into the page (``.md-search-result``) and
groups a page's sections under it; Zensical renders its own search dialog in
a shadow root, one result per entry, the selected one being what Enter
opens. Each driver types a query, waits for its results, and reads them the
same way: ``shown`` (the answers in order, as path#id) and ``enter`` (the
link Enter opens). The browser, practice and downloads suites all search
with these.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

# Material: the answers shown, in order (links to a heading, not folded
# away), and the link Enter opens: the top-scored link of the first result.
MATERIAL_RESULTS = """() => {
  const shown = [];
  for (const link of document.querySelectorAll(".md-search-result__list a.md-search-result__link")) {
    const url = new URL(link.href);
    if (url.hash && !link.closest("details:not([open])")) shown.push(url.pathname + url.hash);
  }
  let enter = null, best = -1;
  const first = document.querySelector(".md-search-result__list > li:first-child");
  for (const link of first ? first.querySelectorAll("a[href]") : []) {
    const score = parseFloat(link.firstElementChild.getAttribute("data-md-score"));
    if (score > best) { best = score; enter = new URL(link.href); }
  }
  return {shown, enter: enter && enter.pathname + enter.hash};
}"""


def scripts_ran(page) -> None:
    """Wait until the page's scripts have run: the theme's bundle, which
    listens for the search's keyboard shortcut, then ours, the last of which
    (practice.js) marks the article ready. Pages run them only after their
    first paint (overrides/partials/javascripts/after-paint.html), so a key
    pressed as soon as the page has loaded may reach no script yet."""
    page.wait_for_selector("[data-practice-ready]", state="attached")


def type_until(box, query: str, shown, pattern: re.Pattern[str]) -> None:
    """Type ``query`` into ``box`` until ``shown`` has text matching ``pattern``.

    The search worker may still be starting when a page opens, and then the
    first keystrokes find nothing: the query is typed again, five times at most.
    """
    for _ in range(5):
        box.fill("")
        box.press("End")
        box.fill(query)
        box.press("End")  # Material reads the query on key events
        try:
            expect(shown).to_have_text(pattern, timeout=3000)
            return
        except AssertionError:
            continue
    raise AssertionError(f"{query!r}: the page never showed {pattern.pattern!r} ({shown.text_content()!r})")


class MaterialSearch:
    box = "input.md-search__input"
    meta = ".md-search-result__meta"

    def search(self, page, query: str) -> None:
        """Type a query as a reader would and wait for its results."""
        box = page.locator(self.box)
        meta = page.locator(self.meta)
        for _ in range(5):
            box.fill("")
            box.press("End")
            expect(meta).to_have_text(re.compile("Type to start searching|Initializing search"))
            box.fill(query)
            box.press("End")  # Material reads the query on key events
            try:
                expect(meta).to_have_text(re.compile("matching document"), timeout=3000)
                return
            except AssertionError:
                continue  # the search worker was still starting: type it again
        raise AssertionError(f"no results for {query!r}: {meta.text_content()}")

    def results(self, page) -> dict:
        return page.evaluate(MATERIAL_RESULTS)


# Zensical: every option of the result list, and the selected one.
ZENSICAL_RESULTS = """(options) => {
  const place = (a) => { const url = new URL(a.href); return url.pathname + url.hash; };
  const selected = options.find((a) => a.getAttribute("aria-selected") === "true");
  return {shown: options.filter((a) => new URL(a.href).hash).map(place), enter: selected ? place(selected) : null};
}"""


class ZensicalSearch:
    # Playwright's CSS selectors reach into the dialog's open shadow root.
    box = "input[role=combobox]"
    status = "[role=status][aria-live]"
    option = "[role=option]"

    def open(self, page) -> None:
        box = page.locator(self.box)
        if not box.is_visible():
            scripts_ran(page)
            page.keyboard.press("/")  # Zensical's shortcut, as on Material
        expect(box).to_be_visible()

    def search(self, page, query: str) -> None:
        self.open(page)
        box = page.locator(self.box)
        status = page.locator(self.status)
        expect(status).not_to_have_text(re.compile("Loading"), timeout=15_000)
        box.fill("")
        expect(status).to_have_text("")  # no stale count from the last query
        box.fill(query)
        expect(status).to_have_text(re.compile(r"^[\d,]+ results?$"))

    def results(self, page) -> dict:
        return page.locator(self.option).evaluate_all(ZENSICAL_RESULTS)


BY_BUILDER = {"mkdocs": MaterialSearch(), "zensical": ZensicalSearch()}
