"""What connect adds to the page of a case (registered in apps.py)."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.connect.following import follow_filters
from innovationskraft.connect.selectors import (
    contact_possible,
    join_requests_to_decide,
    organisations_administered_by,
    pending_join_requests_of,
)
from innovationskraft.search.filters import term_filter


def case_contact(request: HttpRequest, case: Case) -> str:
    if not case.is_public:
        return ""
    context = {"case": case, "reachable": contact_possible(case=case)}
    return render_to_string("connect/panels/case_contact.html", context, request)


def account_memberships(request: HttpRequest, user) -> str:
    """On the account page: asking to join, the requests waiting, inviting others."""
    context = {
        "pending": pending_join_requests_of(user=user),
        "to_decide": join_requests_to_decide(user=user).count(),
        "administered": organisations_administered_by(user=user),
    }
    return render_to_string("connect/panels/account_memberships.html", context, request)


def _follow_links(request: HttpRequest, filters: dict[str, str], feed_url: str) -> str:
    context = {
        "query": urlencode(filters),
        "feed_url": feed_url,
        "follow_url": f"{reverse('connect:follow')}?{urlencode(filters)}",
    }
    return render_to_string("connect/panels/follow_links.html", context, request)


def search_follow(request: HttpRequest, filters) -> str:
    """Under a list or a search: its feed, and following it by e-mail."""
    kept = follow_filters({"q": filters.q, **filters.active()})
    return _follow_links(request, kept, f"{reverse('search:feed')}?{urlencode(kept)}")


def organisation_follow(request: HttpRequest, organisation: Organisation) -> str:
    return _follow_links(
        request,
        {"organisation": organisation.slug},
        reverse("search:organisation_feed", args=[organisation.slug]),
    )


def term_follow(request: HttpRequest, term: Term) -> str:
    by_term = term_filter(term)
    if not by_term:
        return ""
    return _follow_links(request, by_term, f"{reverse('search:feed')}?{urlencode(by_term)}")


def account_follows(request: HttpRequest, user) -> str:
    context = {"follows": user.follows.all()}
    return render_to_string("connect/panels/account_follows.html", context, request)
