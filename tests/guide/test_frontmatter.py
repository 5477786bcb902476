"""Front matter: where the YAML that opens a page ends, for every reader of pages."""

import pytest

from guide import frontmatter


def test_a_page_splits_into_its_yaml_and_its_body_with_the_body_line():
    parts = frontmatter.split("---\ntitle: X\nhide: [toc]\n---\n\n# X\n")
    assert (parts.yaml, parts.body, parts.body_line) == ("title: X\nhide: [toc]", "\n# X\n", 5)


def test_a_page_without_front_matter_is_all_body():
    assert frontmatter.split("# X\n---\n") == frontmatter.Split(None, "# X\n---\n", 1)


def test_three_dots_close_front_matter_as_they_end_a_yaml_document():
    assert frontmatter.split("---\na: 1\n...\nbody").body == "body"


def test_unclosed_front_matter_is_refused_by_split_and_left_alone_by_without():
    with pytest.raises(frontmatter.Unclosed):
        frontmatter.split("---\ntitle: X\n# X\n")
    assert frontmatter.without("---\ntitle: X\n# X\n") == "---\ntitle: X\n# X\n"


def test_a_closer_is_looked_for_only_as_far_as_asked():
    lines = ["---"] + ["key: value"] * 10 + ["---"]
    assert frontmatter.closing(lines) == 11
    assert frontmatter.closing(lines, limit=5) is None
    assert frontmatter.closing(["", "---", "a: 1", "---"], start=1) == 3
