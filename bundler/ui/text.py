"""User text made inert before it goes into Markdown on a page.

Streamlit renders titles, captions, messages, metric labels, expander and button labels
as Markdown. A supplier name such as `![x](https://tracker.example/p.png)` would make
every visitor's browser fetch that address, and `[Inloggen](https://phish.example)`
would be a link the page seems to vouch for. Names, titles, ids and who-did-what come
from task files, imports and other people, so the pages pass them through `md()`.
"""

from __future__ import annotations

import re
from typing import Any

_INLINE = re.compile(r"([\\`*_\[\]<>!~$|@])")
"""Characters that open images, links, HTML, code, emphasis, LaTeX (`$`), tables and e-mail autolinks."""
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=www)(\.)")
"""The `://` of a bare URL and the `.` of `www.`: GitHub-flavoured Markdown links those without brackets."""
_BLOCK = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")
"""A heading, quote, list or rule marker at the start of the text."""


def md(value: Any) -> str:
    """`value` as one line that Markdown shows literally: no image, link, HTML, heading, emphasis or formula."""
    text = " ".join(str(value).splitlines())
    text = _INLINE.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda m: "\\" + (m[1] or m[2]), text)
    return _BLOCK.sub(lambda m: m[1] + "\\" + m[2] if not m[2].isdigit() else m[1] + m[2] + "\\", text)
