"""Text bound for a terminal, with every character that could steer it shown as an escape instead.

A name, title or id from a file or a database can hold ANSI escape sequences (colours,
cursor moves, a cleared screen, a changed window title), a carriage return that
overwrites the line, or text-direction controls that make one name read as another.
Printed as they are, they act on the terminal of whoever runs the command. The command
line sends everything it prints through `safe_output`, so no call site can forget.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Control characters except tab and newline, text-direction controls, lone surrogates."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with each unsafe character written out as `\\x1b`, `\\u202e`, ...: visible, inert."""
    return _UNSAFE.sub(_escape, text)


class SafeStream:
    """A text stream that makes everything written to it terminal-safe; all else goes to the stream it wraps."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def safe_output() -> Iterator[None]:
    """Within the block, sys.stdout and sys.stderr are SafeStreams."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
