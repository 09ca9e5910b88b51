"""The projector: the board. Open to anyone with the code, like the room (access_board)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from innovationskraft.workshops import selectors
from innovationskraft.workshops.access import access_board
from innovationskraft.workshops.models import Workshop


def _context(workshop: Workshop) -> dict:
    voting_round = selectors.open_round(workshop=workshop)
    closed = None if voting_round else selectors.latest_closed_round(workshop=workshop)
    return {
        "workshop": workshop,
        "prompts": selectors.board(workshop=workshop),
        "voting_round": voting_round,
        "results_round": closed,
        "results": selectors.round_results(voting_round=closed) if closed else [],
        "minimal_page": True,
    }


@never_cache
def board(request, code):
    workshop = access_board(request.user, code)
    return render(request, "workshops/board/board.html", _context(workshop))


@never_cache
def board_content(request, code):
    """Polled every two seconds: 204 (nothing to swap) while the revision is unchanged."""
    workshop = access_board(request.user, code)
    if request.GET.get("v") == str(workshop.revision):
        return HttpResponse(status=204)
    return render(request, "workshops/board/content.html", _context(workshop))
