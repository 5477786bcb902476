"""Stable ids: a slug of the original source question.

The id is made from the question as the source asked it, never from the
displayed title, so retitling an answer never breaks a link to it.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 72


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("&", " and ").replace("@", " ")
    words = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_LENGTH:
            break
        slug = candidate
    return slug or "question"
