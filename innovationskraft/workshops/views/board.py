"""The projector: the board and the join screen. Open to anyone with the code, like the room."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from innovationskraft.workshops import selectors
from innovationskraft.workshops.access import workshop_for_code
from innovationskraft.workshops.models import Workshop


def _shown_workshop(code: str) -> Workshop:
    workshop = workshop_for_code(code)
    if workshop is None or workshop.state == Workshop.State.DRAFT:
        raise Http404
    return workshop


def _context(workshop: Workshop) -> dict:
    voting_round = selectors.open_round(workshop=workshop)
    return {
        "workshop": workshop,
        "prompts": selectors.board(workshop=workshop),
        "voting_round": voting_round,
        "minimal_page": True,
    }


def board(request, code):
    workshop = _shown_workshop(code)
    return render(request, "workshops/board/board.html", _context(workshop))


@never_cache
def board_content(request, code):
    """Polled every two seconds: 204 (nothing to swap) while the revision is unchanged."""
    workshop = _shown_workshop(code)
    if request.GET.get("v") == str(workshop.revision):
        return HttpResponse(status=204)
    return render(request, "workshops/board/content.html", _context(workshop))
