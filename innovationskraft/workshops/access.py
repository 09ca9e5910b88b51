"""Fetch a workshop, participant or contribution and check, in the same call, who may touch it."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from innovationskraft.workshops import permissions
from innovationskraft.workshops.models import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Contribution,
    Participant,
    Workshop,
)

PARTICIPANT_COOKIE = "ik_deltagare_{}"
PARTICIPANT_COOKIE_SALT = "innovationskraft.workshops.participant"


def normalise_code(raw: str) -> str:
    """Codes are read off a projector: spaces, dashes and lower case are forgiven."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[: JOIN_CODE_LENGTH + 4]


def is_well_formed_code(code: str) -> bool:
    return len(code) == JOIN_CODE_LENGTH and all(ch in JOIN_CODE_ALPHABET for ch in code)


def workshop_for_code(code: str) -> Workshop | None:
    code = normalise_code(code)
    if not is_well_formed_code(code):
        return None
    return Workshop.objects.select_related("organiser").filter(join_code=code).first()


def access_board(user, code: str) -> Workshop:
    """The board and its polls: public while `board_is_public`, always for its facilitators."""
    workshop = workshop_for_code(code)
    if workshop is None:
        raise Http404
    if not workshop.board_is_public and not permissions.can_facilitate(user, workshop):
        raise Http404
    return workshop


def access_workshop_for_facilitation(user, slug: str) -> Workshop:
    try:
        workshop = Workshop.objects.select_related("organiser").get(slug=slug)
    except Workshop.DoesNotExist:
        raise Http404 from None
    if not permissions.can_facilitate(user, workshop):
        raise PermissionDenied(
            _("Only members of the organiser, %(organisation)s, and moderators run it.")
            % {"organisation": workshop.organiser.name}
        )
    return workshop


def access_published_report(slug: str) -> Workshop:
    try:
        return Workshop.objects.select_related("organiser").get(
            slug=slug, state=Workshop.State.PUBLISHED
        )
    except Workshop.DoesNotExist:
        raise Http404 from None


def participant_cookie_name(workshop: Workshop) -> str:
    return PARTICIPANT_COOKIE.format(workshop.pk)


def participant_from_request(request, workshop: Workshop) -> Participant | None:
    token = request.get_signed_cookie(
        participant_cookie_name(workshop), default=None, salt=PARTICIPANT_COOKIE_SALT
    )
    if not token:
        return None
    participant = Participant.objects.filter(workshop=workshop, token=token).first()
    if participant is not None:
        participant.workshop = workshop  # the same row: spares the services a query for it
    return participant


def participant_cookie_expires(workshop: Workshop) -> datetime.datetime:
    """When the workshop forgets who took part (services/retention.py), her browser forgets
    which participant it was; while the workshop is open, counted from today."""
    since = workshop.closed_at or timezone.now()
    return since + datetime.timedelta(days=settings.WORKSHOP_PARTICIPANT_KEEP_DAYS)


def remember_participant(request, response: HttpResponse, participant: Participant) -> None:
    """One participant per browser and workshop: her dot budget and answer limit are hers."""
    workshop = participant.workshop
    seconds = (participant_cookie_expires(workshop) - timezone.now()).total_seconds()
    response.set_signed_cookie(
        participant_cookie_name(workshop),
        participant.token,
        salt=PARTICIPANT_COOKIE_SALT,
        max_age=max(0, int(seconds)),
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def access_own_contribution(participant: Participant, contribution_id: int) -> Contribution:
    try:
        return Contribution.objects.select_related("workshop").get(
            pk=contribution_id, participant=participant
        )
    except Contribution.DoesNotExist:
        raise Http404 from None


def access_contribution_for_facilitation(workshop: Workshop, contribution_id: int) -> Contribution:
    """The workshop has been checked already; the contribution must belong to it."""
    try:
        return Contribution.objects.select_related("prompt").get(
            pk=contribution_id, workshop=workshop
        )
    except Contribution.DoesNotExist:
        raise Http404 from None


def safe_next(request, fallback: str) -> str:
    """The page a form came from, when it is on this site; otherwise `fallback`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
