"""File and sheet names made from ids: never a path, never a clash, readable when the id already is.

Job, supplier and task ids come from files other people write. Used as they are, an
id like `../../.bashrc` or `/etc/cron.d/x` writes outside the folder it was meant
for, and `CON` or `a:b` cannot be written on Windows at all. An id that is already a
plain name (`J01`, `asito`) is kept as it is; any other becomes its safe characters
plus a short hash of the whole id, so two different ids never share a file.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
SHEET_TITLE_LENGTH = 31


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def safe_file_stem(identifier: str) -> str:
    """`identifier` when it is a plain name; else its safe characters and a hash of it (`x-1a2b3c4d`)."""
    if _SAFE.fullmatch(identifier) and identifier.split(".")[0].lower() not in _WINDOWS_RESERVED \
            and not identifier.endswith("."):
        return identifier
    readable = _UNSAFE_RUN.sub("_", identifier).strip("._-")[:60] or "id"
    if readable.split(".")[0].lower() in _WINDOWS_RESERVED:
        readable = f"id-{readable}"
    return f"{readable}-{_hash(identifier)}"


def inside(folder: str | Path, name: str) -> Path:
    """`folder / name`, or ValueError when that path would leave `folder` (a last line of defence)."""
    root = Path(folder).resolve()
    path = (root / name).resolve()
    if path.parent != root:
        raise ValueError(f"{name!r} is not a plain file name inside {root}")
    return path


def sheet_title(text: str, taken: set[str]) -> str:
    """An Excel sheet title for `text`: no forbidden characters, at most 31 long, not starting or ending
    with an apostrophe, and not one already in `taken` (which it joins)."""
    title = _SHEET_FORBIDDEN.sub("", text).strip().strip("'")[:SHEET_TITLE_LENGTH].strip() or "blad"
    base, n = title, 2
    while title.lower() in {t.lower() for t in taken} or title.lower() == "history":
        suffix = f"-{n}"
        title = f"{base[:SHEET_TITLE_LENGTH - len(suffix)]}{suffix}"
        n += 1
    taken.add(title)
    return title
