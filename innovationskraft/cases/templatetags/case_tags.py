from django import template
from django.http import QueryDict

from innovationskraft.cases.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str):
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed; an empty value removes one."""
    query: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = value
    if "page" not in changes:
        query.pop("page", None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def contains_pk(values, pk) -> bool:
    """Whether a bound multiple-choice field's value (ids as str or int) includes pk."""
    return str(pk) in {str(value) for value in (values or [])}


@register.simple_tag(takes_context=True)
def query_without(context, name: str) -> str:
    return query_with(context, **{name: ""})
