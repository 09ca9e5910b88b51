"""Text in the Markdown report: what participants and facilitators typed must come out as the
same text when the file is rendered, never as HTML, a link or a heading."""

import re

from django import template

register = template.Library()

HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Backslashed, they lose their meaning: code, emphasis, links and table cells.
INLINE = re.compile(r"([\\`*_\[\]|])")
# What would open a heading or a list at the start of a line ("1." is escaped after its number).
BLOCK_SIGN = re.compile(r"^([#+-])")
ORDERED = re.compile(r"^(\d+)([.)])")


def _line(text: str) -> str:
    text = "".join(HTML.get(char, char) for char in text.strip())
    text = INLINE.sub(r"\\\1", text)
    return ORDERED.sub(r"\1\\\2", BLOCK_SIGN.sub(r"\\\1", text))


@register.filter
def plain_text(value) -> str:
    """Any text as Markdown that shows it as it is. A line break stays a line break of the same
    paragraph or list item."""
    lines = [_line(line) for line in str(value).splitlines() if line.strip()]
    return "  \n  ".join(lines)


@register.filter
def without_html(value) -> str:
    """Markdown the facilitator wrote, kept as Markdown, with its raw HTML made text: a "<"
    can no longer open a tag (nor an autolink) when the file is rendered."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;")
