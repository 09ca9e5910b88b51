"""Parts of pages that higher apps add, so that the app of the page never imports them: the
search adds similar cases and the case lists of organisations and terms, the workshops add
the reports that name a case, connect adds the contact form to a case and the organisations
to the account page. An app registers its panels in its AppConfig.ready()."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

# A panel renders its part of the page for the request and the page's object, or "" when it
# has nothing to show.
Render = Callable[[HttpRequest, object], str]


@dataclass(frozen=True)
class Panel:
    page: str  # "case", "organisation", "term" or "account"
    order: int
    render: Render


_panels: list[Panel] = []


def panel_add(*, page: str, order: int, render: Render) -> None:
    if not any(p.page == page and p.render is render for p in _panels):
        _panels.append(Panel(page, order, render))


def panels_rendered(*, page: str, request: HttpRequest, obj: object) -> list[SafeString]:
    chosen = sorted((p for p in _panels if p.page == page), key=lambda p: p.order)
    parts = (p.render(request, obj) for p in chosen)
    # The renderers return template output, escaped by the template engine.
    return [mark_safe(part) for part in parts if part]
