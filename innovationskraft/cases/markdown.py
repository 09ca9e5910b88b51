"""Markdown from case owners, rendered to HTML that cannot carry script or event handlers."""

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
HEADING = re.compile(r"<(/?)h([1-6])>")
SHIFTED_LEVEL = {"1": 3, "2": 3, "3": 4, "4": 4, "5": 4, "6": 4}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}


def render_markdown(text: str) -> SafeString:
    html = markdown_lib.markdown(text or "", extensions=["tables", "sane_lists"])
    # The description sits under the page's "About the innovation" h2: its headings start at h3.
    html = HEADING.sub(lambda m: f"<{m[1]}h{SHIFTED_LEVEL[m[2]]}>", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(clean)
