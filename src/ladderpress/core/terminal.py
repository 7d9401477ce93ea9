"""Text from elsewhere (a browser's request, a file's name) made safe to print."""

from __future__ import annotations

# C0 controls (ESC, BEL, CR, newline, ...), DEL and the C1 controls (U+009B is a CSI on
# its own). A terminal acts on these: a request path or a file name holding them could
# retitle the window, hide or rewrite earlier lines, or forge a line of output.
_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))}


def printable(text: str) -> str:
    r"""`text` with each control character shown as an escape (ESC as `\x1b`)."""
    return text.translate(_CONTROLS)
