"""The normaliser: raw interview texts in, clean structured Markdown out.

The pipeline runs in one direction, one module a step:

    read (sources -> raw questions) -> clean (characters, chrome)
    -> blocks (lines -> paragraphs, lists, tables, code) -> code (repair, format)
    -> merge (duplicates) -> editorial (titles, topics, rewrites) -> render (Markdown)
    -> output (atomic write, --check)
"""
