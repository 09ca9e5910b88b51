"""Following parts of the library, and the digests of what is new in them."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from innovationskraft.accounts.models import User
from innovationskraft.cases import contract
from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.cases.registry import county_names
from innovationskraft.connect.models import Follow
from innovationskraft.connect.notifications import Kind, notify
from innovationskraft.search.filters import FILTER_NAMES, CaseFilters
from innovationskraft.search.selectors import case_ids_matching

PERIODS = {Follow.Frequency.DAILY: timedelta(days=1), Follow.Frequency.WEEKLY: timedelta(days=7)}
# A digest lists at most this many cases a follow; the link to the list shows the rest.
CASES_SHOWN = 20


def follow_filters(query) -> dict[str, str]:
    """The filters and words of a query string (or a dict) as a follow keeps them."""
    filters = CaseFilters.from_query(query)
    return {name: getattr(filters, name) for name in FILTER_NAMES if getattr(filters, name)}


def _value_label(name: str, value: str) -> str:
    """A filter's value as the list's filters name it."""
    if name == "organisation":
        organisation = Organisation.objects.filter(slug=value).first()
        return organisation.name if organisation else value
    if name == "org_type":
        return str(dict(Organisation.Kind.choices).get(value, value))
    if name == "county":
        return county_names().get(value, value)
    field = next((f for f in contract.FILTERED if f.filter == name), None)
    if field is None:
        return value
    if field.vocabulary:
        term = Term.objects.filter(vocabulary=field.vocabulary, code=value).first()
        return term.label if term else value
    choices = dict(contract.model_field(field.name).choices or [])
    return f"{field.filter_label}: {choices.get(value, value)}"


def follow_label(filters: dict[str, str]) -> str:
    """What the filters find, in words: "Eskilstuna kommun", "Procurement", "“återbruk”,
    Stage: Pilot"."""
    parts = [f"“{filters['q']}”"] if filters.get("q") else []
    parts += [_value_label(name, value) for name, value in filters.items() if name != "q"]
    return ", ".join(str(part) for part in parts) or str(_("All new innovations"))


def follow_create(*, user: User, filters: dict[str, str], label: str, frequency: str) -> Follow:
    """Follows what the filters find; the same filters followed again change only how often."""
    kept = follow_filters(filters)
    follow = Follow.objects.filter(user=user, filters=kept).first()
    if follow is None:
        return Follow.objects.create(
            user=user, filters=kept, label=label[:300], frequency=frequency
        )
    follow.frequency = frequency
    follow.save(update_fields=["frequency"])
    return follow


def follow_delete(*, user: User, follow_id: int) -> Follow:
    """Follow.DoesNotExist for anyone else's."""
    follow = Follow.objects.get(pk=follow_id, user=user)
    follow.delete()
    return follow


def _list_url(filters: dict[str, str]) -> str:
    name = "search:results" if filters.get("q") else "search:cases"
    query = f"?{urlencode(filters)}" if filters else ""
    return f"{settings.SITE_URL}{reverse(name)}{query}"


def digests_sent(*, frequency: str, now: datetime | None = None) -> int:
    """Mails each follower of this frequency the published cases that are new or changed in
    what she follows since her last digest (or since she began to follow it); nothing to
    whoever has nothing new. Returns how many mails were written."""
    now = now or timezone.now()
    follows = list(
        Follow.objects.filter(frequency=frequency, user__is_active=True)
        .select_related("user")
        .order_by("user_id", "id")
    )
    if not follows:
        return 0
    since = {f.pk: f.told_until or f.created_at for f in follows}
    changed = dict(
        Case.objects.filter(
            status=Case.Status.PUBLISHED, updated_at__gt=min(since.values()), updated_at__lte=now
        ).values_list("id", "updated_at")
    )
    written = 0
    by_user: dict[int, list[Follow]] = {}
    for follow in follows:
        by_user.setdefault(follow.user_id, []).append(follow)
    # Many people follow the same organisation or sector since the same digest: each
    # (filters, since) is matched once a run.
    found_for: dict[tuple, list[int]] = {}

    def found(follow: Follow) -> list[int]:
        key = (tuple(sorted(follow.filters.items())), since[follow.pk])
        if key not in found_for:
            candidates = [pk for pk, at in changed.items() if at > since[follow.pk]]
            found_for[key] = (
                case_ids_matching(filters=CaseFilters(**follow.filters), among=candidates)
                if candidates
                else []
            )
        return found_for[key]

    for user_follows in by_user.values():
        sections = []
        for follow in user_follows:
            matching = found(follow)
            if matching:
                cases = Case.objects.filter(pk__in=matching).select_related("lead_organisation")
                shown = list(cases.order_by("-updated_at")[:CASES_SHOWN])
                sections.append(
                    {
                        "follow": follow,
                        "cases": shown,
                        "more": len(matching) - len(shown),
                        "since": since[follow.pk],
                        "list_url": _list_url(follow.filters),
                    }
                )
        with transaction.atomic():
            if sections:
                written += notify(
                    [user_follows[0].user],
                    kind=Kind.DIGEST,
                    template="connect/mail/digest",
                    context={"sections": sections, "frequency": frequency},
                )
            Follow.objects.filter(pk__in=[f.pk for f in user_follows]).update(told_until=now)
    return written
