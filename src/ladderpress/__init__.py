"""ladderpress: publish career progression frameworks as a static website."""

__version__ = "0.1.0"
