"""Reading the saved self-assessments. Everything read here for anyone but the person who
answered is a mean: an organisation's team profile over its members' latest answers, shown
to its members, and comparisons over at least five organisations, shown to everyone."""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext as _

from innovationskraft.accounts.models import User
from innovationskraft.cases.models import Organisation
from innovationskraft.insights.models import Assessment
from innovationskraft.insights.self_assessment.profiles import Profile, mean_profile, profile_of

# A comparison needs this many organisations behind it, so that no one's answers show.
SMALLEST_COMPARISON = 5
# A team profile is shown to the members once this many of them have answered: with two, each
# could work out the other's answers.
SMALLEST_TEAM = 3
CACHE_SECONDS = 600
VERSION_KEY = "self-assessment-version"


@dataclass(frozen=True)
class OrganisationProfile:
    organisation_id: int
    kind: str
    country: str
    profile: Profile  # the mean of its members' latest answers


@dataclass(frozen=True)
class Comparison:
    title: str  # short, for a table's heading
    label: str  # what it is, in full
    organisations: int  # how many stand behind it
    profile: Profile | None  # None when fewer than SMALLEST_COMPARISON
    missing: str  # why there is no profile, in words


def assessments_changed() -> None:
    cache.set(VERSION_KEY, (cache.get(VERSION_KEY) or 0) + 1, None)


def _latest_answers(organisation_ids: list[int] | None = None) -> dict[int, list[dict]]:
    """Per organisation, each person's latest answers."""
    assessments = Assessment.objects.order_by("created_at", "id")
    if organisation_ids is not None:
        assessments = assessments.filter(organisation_id__in=organisation_ids)
    latest: dict[tuple[int, int], dict] = {}
    rows = assessments.values_list("organisation_id", "user_id", "answers")
    for organisation_id, user_id, answers in rows.iterator(chunk_size=1000):
        latest[(organisation_id, user_id)] = answers
    grouped: dict[int, list[dict]] = {}
    for (organisation_id, _user_id), answers in latest.items():
        grouped.setdefault(organisation_id, []).append(answers)
    return grouped


def team_profile(*, organisation: Organisation) -> Profile | None:
    """The mean of the members' latest answers, or None when nobody has answered."""
    answers = _latest_answers([organisation.pk]).get(organisation.pk, [])
    return mean_profile(profile_of(a) for a in answers) if answers else None


def organisation_profiles() -> list[OrganisationProfile]:
    """Every organisation's team profile; cached until an assessment is saved."""
    key = f"self-assessment-organisations:{cache.get(VERSION_KEY) or 0}"
    found = cache.get(key)
    if found is None:
        grouped = _latest_answers()
        organisations = Organisation.objects.filter(pk__in=grouped).values_list(
            "pk", "kind", "country"
        )
        found = [
            OrganisationProfile(pk, kind, country, mean_profile(profile_of(a) for a in grouped[pk]))
            for pk, kind, country in organisations
        ]
        cache.set(key, found, CACHE_SECONDS)
    return found


def _comparison(
    title: str, label: str, profiles: list[OrganisationProfile], missing: str, **values: str
) -> Comparison:
    if len(profiles) < SMALLEST_COMPARISON:
        why = missing % (values | {"count": str(len(profiles))})
        return Comparison(title, label, len(profiles), None, why)
    # Each organisation weighs the same, however many of its people answered.
    mean = mean_profile(Profile(p.profile.scores) for p in profiles)
    return Comparison(title, label, len(profiles), mean, "")


def comparisons(
    *, kind: str = "", country: str = "SE", excluding: Organisation | None = None
) -> list[Comparison]:
    """The same type of organisation (when one is known) and the whole country."""
    others = [
        p
        for p in organisation_profiles()
        if p.country == country and (excluding is None or p.organisation_id != excluding.pk)
    ]
    found = []
    if kind:
        label = str(Organisation.Kind(kind).label)
        found.append(
            _comparison(
                _("Same type"),
                _("Same type (%(kind)s)") % {"kind": label},
                [p for p in others if p.kind == kind],
                _(
                    "Fewer than five organisations of this type (%(kind)s) have saved a "
                    "self-assessment, %(count)s so far. A comparison is shown from five on, "
                    "so that no one organisation's answers can be made out."
                ),
                kind=label,
            )
        )
    found.append(
        _comparison(
            _("Country"),
            _("The whole country"),
            others,
            _(
                "Fewer than five organisations in the country have saved a self-assessment, "
                "%(count)s so far. A comparison is shown from five on, so that no one "
                "organisation's answers can be made out."
            ),
        )
    )
    return found


def latest_own_answers(*, user: User, organisation: Organisation) -> dict | None:
    """Her own latest answers for the organisation: shown to her alone."""
    assessment = (
        Assessment.objects.filter(user=user, organisation=organisation)
        .order_by("-created_at", "-id")
        .first()
    )
    return assessment.answers if assessment else None
