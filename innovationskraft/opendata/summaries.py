"""A summary longer than a case may have, carried into the description instead of refused:
the summary is cut and ends with an ellipsis, and the description starts with all of it."""

ELLIPSIS = "…"
SENTENCE_ENDS = ".!?"


def shortened(text: str, limit: int) -> str:
    """The text in at most `limit` characters: to the end of its last sentence that fits, when
    that keeps at least half; else to its last whole word; an ellipsis after either."""
    if len(text) <= limit:
        return text
    # A sentence end is a full stop (or ! or ?) before a space; " …" follows it.
    ends = [
        position
        for position in range(limit - 2)
        if text[position] in SENTENCE_ENDS and text[position + 1].isspace()
    ]
    if ends and ends[-1] + 1 >= limit // 2:
        return text[: ends[-1] + 1] + " " + ELLIPSIS
    head = text[: limit - 1]
    if not text[limit - 1].isspace() and any(c.isspace() for c in head):
        head = head[: max(i for i, c in enumerate(head) if c.isspace())]
    return head.rstrip(" \t\r\n,;:-\u2013\u2014") + ELLIPSIS


def description_with(summary: str, description: str) -> str:
    """The description with the whole summary first."""
    return f"{summary}\n\n{description}" if description else summary
