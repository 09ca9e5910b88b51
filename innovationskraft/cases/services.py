"""Every change to organisations, cases and adoptions goes through these functions.

`actor` is the signed-in user; None means a system process such as a management command,
which is never the case for a web or API request."""

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from innovationskraft.cases import permissions, registry
from innovationskraft.cases.facets import library_changed
from innovationskraft.cases.inputs import CaseInput
from innovationskraft.cases.models import (
    Adoption,
    Case,
    CaseLink,
    Organisation,
    ReviewDecision,
    Tag,
)
from innovationskraft.cases.models.cases import new_case_identifier
from innovationskraft.search.indexing import case_reindexed

# Words that name pages beside the case pages in the same URL space.
RESERVED_SLUGS = {"ny"}


def unique_slugs(wanted: list[tuple[str, str]], taken: set[str]) -> list[str]:
    """A slug per (wished slug, text): the wish when it is free, else one made from the text
    and numbered past the slugs in `taken`, which grows with each. Words that name other pages
    in the same address space are never free."""
    taken |= RESERVED_SLUGS
    slugs = []
    for wish, text in wanted:
        base = wish or slugify(text)[:200] or "x"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _unique_slug(model, text: str) -> str:
    base = slugify(text)[:200] or "x"
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    [slug] = unique_slugs([("", text)], taken)
    return slug


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def organisation_upsert(
    *,
    name: str,
    kind: str,
    official_code: str = "",
    county_code: str = "",
    country: str = "SE",
) -> Organisation:
    """Create an organisation, or update the one with the same official code or name."""
    lookup = {"country": country, "kind": kind}
    if official_code:
        lookup["official_code"] = official_code
    else:
        lookup["name"] = name
    organisation = Organisation.objects.filter(**lookup).first()
    if organisation is None:
        return Organisation.objects.create(
            name=name,
            slug=_unique_slug(Organisation, name),
            kind=kind,
            official_code=official_code,
            county_code=county_code,
            country=country,
        )
    if (organisation.name, organisation.county_code) != (name, county_code):
        organisation.name, organisation.county_code = name, county_code
        organisation.save(update_fields=["name", "county_code"])
    return organisation


@transaction.atomic
def organisations_seed_swedish_registry() -> int:
    """Make sure every Swedish municipality and region exists; safe to run again.

    Done in bulk: it runs on every demo load and in many tests."""
    wanted = [
        (
            Organisation.Kind.MUNICIPALITY,
            row["code"],
            registry.municipality_name(row["code"], row["municipality"]),
            row["code"][:2],
        )
        for row in registry.swedish_municipalities()
    ]
    wanted += [
        (Organisation.Kind.REGION, code, name, code)
        for code, name in registry.REGIONS_BY_COUNTY_CODE.items()
    ]
    existing = {
        (o.kind, o.official_code): o
        for o in Organisation.objects.filter(country="SE").exclude(official_code="")
    }
    new, changed = [], []
    for kind, code, name, county_code in wanted:
        organisation = existing.get((kind, code))
        if organisation is None:
            new.append(
                Organisation(name=name, kind=kind, official_code=code, county_code=county_code)
            )
        elif (organisation.name, organisation.county_code) != (name, county_code):
            organisation.name, organisation.county_code = name, county_code
            changed.append(organisation)
    taken = set(Organisation.objects.values_list("slug", flat=True))
    for organisation, slug in zip(
        new, unique_slugs([("", o.name) for o in new], taken), strict=True
    ):
        organisation.slug = slug
    Organisation.objects.bulk_create(new)
    Organisation.objects.bulk_update(changed, ["name", "county_code"])
    return Organisation.objects.filter(country="SE").count()


def _write_case_fields(case: Case, data: CaseInput) -> None:
    library_changed()
    for name in CaseInput.SCALAR_FIELDS:
        setattr(case, name, getattr(data, name))
    if case.pk is None:
        case.save()
    else:
        # Only the owner's fields: status and counts may have changed since the case was read.
        case.save(update_fields=[*CaseInput.SCALAR_FIELDS, "updated_at"])
    for name in CaseInput.RELATION_FIELDS:
        getattr(case, name).set(getattr(data, name))
    # A case cannot be its own inspiration.
    case.inspired_by.remove(case)
    tag_names = {name.strip().lower()[:60] for name in data.tags if name.strip()}
    case.tags.set([Tag.objects.get_or_create(name=name)[0] for name in sorted(tag_names)])
    case.links.all().delete()
    CaseLink.objects.bulk_create(
        CaseLink(case=case, title=title or url, url=url) for title, url in data.links
    )
    case_reindexed(case=case)


def _record_version(case: Case, actor, comment: str) -> None:
    """One version per action, taken after all its writes: recording on every save and
    relation change (reversion's default) serialises the case a dozen times."""
    with reversion.create_revision(atomic=False):
        reversion.add_to_revision(case)
        if actor is not None and actor.is_authenticated:
            reversion.set_user(actor)
        reversion.set_comment(comment)


@transaction.atomic
def case_create(
    *,
    actor,
    lead_organisation: Organisation,
    data: CaseInput,
    slug: str = "",
    identifier: str = "",
) -> Case:
    """A new case starts as a draft that only its organisation and moderators can see.
    `identifier`: one the case already has in another catalogue (a new one otherwise)."""
    if actor is not None:
        _require(permissions.can_create_case_for(actor, lead_organisation))
    case = Case(
        identifier=identifier or new_case_identifier(),
        slug=slug or _unique_slug(Case, data.title),
        lead_organisation=lead_organisation,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    _write_case_fields(case, data)
    _record_version(case, actor, gettext_noop("Created"))
    return case


@transaction.atomic
def case_update(*, actor, case: Case, data: CaseInput) -> Case:
    if actor is not None:
        _require(permissions.can_edit_case(actor, case))
    _write_case_fields(case, data)
    _record_version(case, actor, gettext_noop("Edited"))
    return case


@transaction.atomic
def _set_status(case: Case, status: str, actor, comment: str) -> Case:
    library_changed()
    case.status = status
    if status == Case.Status.PUBLISHED and case.published_at is None:
        case.published_at = timezone.now()
    case.save(update_fields=["status", "published_at", "updated_at"])
    case_reindexed(case=case)
    _record_version(case, actor, comment)
    return case


def case_submit_for_review(*, actor, case: Case) -> Case:
    _require(permissions.can_edit_case(actor, case))
    if case.status != Case.Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for review."))
    return _set_status(case, Case.Status.IN_REVIEW, actor, gettext_noop("Submitted for review"))


@transaction.atomic
def case_publish(*, actor, case: Case, comment: str = "") -> Case:
    if actor is not None:
        _require(permissions.can_review_cases(actor))
        if case.status != Case.Status.IN_REVIEW:
            raise ValidationError(_("Only a case in review can be published."))
        ReviewDecision.objects.create(
            case=case, moderator=actor, outcome=ReviewDecision.Outcome.PUBLISHED, comment=comment
        )
    return _set_status(case, Case.Status.PUBLISHED, actor, gettext_noop("Published"))


@transaction.atomic
def case_return_to_owner(*, actor, case: Case, comment: str) -> Case:
    _require(permissions.can_review_cases(actor))
    if not comment.strip():
        raise ValidationError(_("Tell the owner what to change."))
    if case.status != Case.Status.IN_REVIEW:
        raise ValidationError(_("Only a case in review can be returned."))
    ReviewDecision.objects.create(
        case=case, moderator=actor, outcome=ReviewDecision.Outcome.RETURNED, comment=comment
    )
    return _set_status(case, Case.Status.DRAFT, actor, gettext_noop("Returned for changes"))


def case_archive(*, actor, case: Case) -> Case:
    _require(permissions.can_edit_case(actor, case))
    return _set_status(case, Case.Status.ARCHIVED, actor, gettext_noop("Archived"))


@transaction.atomic
def adoption_record(
    *,
    actor,
    case: Case,
    organisation: Organisation,
    year: int | None = None,
    how: str = Adoption.How.ADAPTED,
    note: str = "",
) -> Adoption:
    if actor is not None:
        _require(permissions.can_record_adoption(actor, case, organisation))
    if organisation.pk == case.lead_organisation_id:
        raise ValidationError(_("An organisation cannot adopt its own case."))
    try:
        with transaction.atomic():
            adoption = Adoption.objects.create(
                case=case,
                organisation=organisation,
                year=year,
                how=how,
                note=note,
                recorded_by=actor if actor is not None and actor.is_authenticated else None,
            )
    except IntegrityError:
        raise ValidationError(
            _("%(organisation)s has already recorded that it adopted this case.")
            % {"organisation": organisation.name}
        ) from None
    Case.objects.filter(pk=case.pk).update(adoption_count=F("adoption_count") + 1)
    library_changed()
    return adoption


@transaction.atomic
def adoption_remove(*, actor, adoption: Adoption) -> None:
    if actor is not None:
        _require(
            permissions.can_review_cases(actor)
            or permissions.can_record_adoption(actor, adoption.case, adoption.organisation)
        )
    Case.objects.filter(pk=adoption.case_id).update(adoption_count=F("adoption_count") - 1)
    adoption.delete()
    library_changed()


def case_recount_adoptions(*, case: Case) -> None:
    """For writes outside these services (the admin): make the kept count true again."""
    Case.objects.filter(pk=case.pk).update(adoption_count=case.adoptions.count())
    library_changed()
