"""Numbered pages: `page` and `page_size` in, count, page, pages, next and previous out."""

from collections.abc import Sequence
from typing import Any, TypeVar

from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema

from innovationskraft.api.errors import ApiError

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
T = TypeVar("T")


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=1_000_000)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def no_such_page() -> ApiError:
    return ApiError(404, "no_such_page", _("There is no page with that number."))


def page_link(request: HttpRequest, number: int | None) -> str | None:
    if number is None:
        return None
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def page_of(
    request: HttpRequest, items: Sequence[T] | QuerySet[Any, T], *, query: PageQuery
) -> tuple[list[T], dict[str, Any]]:
    """The items of the page asked for and the page's figures; 404 past the last page.
    `items` must be in a stable order (every ordering ends with a unique column)."""
    paginator = Paginator(items, query.page_size)
    try:
        page = paginator.page(query.page)
    except EmptyPage:
        raise no_such_page() from None
    return list(page.object_list), figures(
        request,
        count=paginator.count,
        number=page.number,
        pages=paginator.num_pages,
    )


def figures(request: HttpRequest, *, count: int, number: int, pages: int) -> dict[str, Any]:
    return {
        "count": count,
        "page": number,
        "pages": pages,
        "next": page_link(request, number + 1 if number < pages else None),
        "previous": page_link(request, number - 1 if number > 1 else None),
    }
