"""Every answer and alias is an element id on its page and has a short link."""

from __future__ import annotations

import re

import sitebuild


def test_every_reported_question_is_an_element_of_its_page(site_dir, parsed, report):
    missing = []
    for place, page, anchor in report:
        html = sitebuild.page_html(site_dir, page)
        if html not in parsed or anchor not in parsed[html].ids:
            missing.append(f"{place} -> {page}#{anchor}")
    assert not missing, "reported answers missing from the built pages:\n" + "\n".join(missing)


def test_every_answer_and_alias_has_a_short_link(site_dir, parsed, report, short_links):
    aliases = {
        element.attrs["id"]
        for page in parsed.values()
        for element in page.elements
        if "alias-anchor" in element.classes()
    }
    assert aliases, "no alias anchor in the built pages"
    answers = {anchor for _, _, anchor in report}
    assert sorted((answers | aliases) - short_links.keys()) == []
    assert sorted(short_links.keys() - (answers | aliases)) == []


REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')


def test_every_short_link_redirects_to_its_answer(site_dir, parsed, short_links):
    wrong = []
    for short_id, target in short_links.items():
        redirect = site_dir / "q" / short_id / "index.html"
        if not redirect.is_file():
            wrong.append(f"q/{short_id}/: no page")
            continue
        found = REFRESH.search(redirect.read_text(encoding="utf-8"))
        if not found:
            wrong.append(f"q/{short_id}/: no meta refresh")
            continue
        page, _, anchor = target.partition("#")
        resolved = sitebuild.local_target(site_dir, redirect, found.group(1), "/")
        expected = (sitebuild.page_html(site_dir, page), anchor)
        if resolved != expected:
            wrong.append(f"q/{short_id}/ goes to {found.group(1)}, not {target}")
        elif anchor not in parsed[expected[0]].ids:
            wrong.append(f"q/{short_id}/: {target} has no such id")
    assert not wrong, "\n".join(wrong)


def test_alias_anchors_sit_right_before_a_question_heading(parsed):
    wrong = []
    for path, page in parsed.items():
        elements = page.elements
        for index, element in enumerate(elements):
            if "alias-anchor" not in element.classes():
                continue
            following = index + 1
            # Skip further alias anchors, and the paragraph Markdown may wrap one in.
            while following < len(elements) and (
                "alias-anchor" in elements[following].classes()
                or (
                    elements[following].tag == "p"
                    and following + 1 < len(elements)
                    and "alias-anchor" in elements[following + 1].classes()
                )
            ):
                following += 1
            heading = elements[following] if following < len(elements) else None
            if heading is None or heading.tag != "h2" or "id" not in heading.attrs:
                wrong.append(f"{path}: #{element.attrs['id']} is not followed by a question heading")
    assert not wrong, "\n".join(wrong)


def test_each_answer_has_a_permalink_and_an_entry_in_the_table_of_contents(site_dir, parsed, report):
    wrong = []
    for _, page, anchor in report:
        built = parsed[sitebuild.page_html(site_dir, page)]
        heading = [e for e in built.elements if e.attrs.get("id") == anchor]
        if not heading or heading[0].tag != "h2":
            wrong.append(f"{page}#{anchor}: not an h2")
        if not built.all("a", class_="headerlink", href=f"#{anchor}"):
            wrong.append(f"{page}#{anchor}: no permalink")
        if not built.all("a", class_="md-nav__link", href=f"#{anchor}"):
            wrong.append(f"{page}#{anchor}: not in the table of contents")
    assert not wrong, "\n".join(wrong)


def test_short_links_are_not_pages_of_their_own(site_dir):
    # They redirect; search engines are told to index the answer instead.
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "/q/" not in sitemap
