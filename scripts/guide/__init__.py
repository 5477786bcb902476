"""The normaliser: raw interview texts in, clean structured Markdown out.

The pipeline runs in one direction, one module a step:

    read (sources -> guides; readers/ explain each guide as questions and answers,
    the best explanation wins) -> clean (characters, chrome)
    -> blocks (lines -> paragraphs, lists, tables, code) -> code (repair, format)
    -> merge (duplicates) -> editorial (titles, topics, rewrites) -> render (Markdown)
    -> output (atomic write, --check)
"""
