"""The barriers and enablers named in published workshop reports, counted as the reports
count them: each contribution on the board (visible, not merged into another) once under
every term it is tagged with, itself or through its theme."""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Term
from innovationskraft.core.term_counts import TermSource, TermTally
from innovationskraft.workshops.models import Contribution, Theme, Workshop


def published_report_terms(vocabulary: str) -> TermTally:
    terms = dict(Term.objects.filter(vocabulary=vocabulary).values_list("pk", "parent_id"))
    on_board = Contribution.objects.filter(
        workshop__state=Workshop.State.PUBLISHED,
        status=Contribution.Status.VISIBLE,
        merged_into__isnull=True,
    )
    tagged: dict[int, set[int]] = defaultdict(set)
    direct = Contribution.terms.through.objects.filter(
        contribution__in=on_board, term_id__in=list(terms)
    ).values_list("contribution_id", "term_id")
    for contribution_id, term_id in direct:
        tagged[term_id].add(contribution_id)
    members: dict[int, set[int]] = defaultdict(set)
    for pk, theme_id in on_board.exclude(theme=None).values_list("pk", "theme_id"):
        members[theme_id].add(pk)
    through_themes = Theme.terms.through.objects.filter(
        theme__prompt__workshop__state=Workshop.State.PUBLISHED, term_id__in=list(terms)
    ).values_list("theme_id", "term_id")
    for theme_id, term_id in through_themes:
        tagged[term_id] |= members.get(theme_id, set())
    per_root: dict[int, set[int]] = defaultdict(set)
    for term_id, contributions in tagged.items():
        per_root[terms[term_id] or term_id] |= contributions
    named = set().union(*tagged.values()) if tagged else set()
    named_in = on_board.filter(pk__in=named).values("workshop_id").distinct().count()
    return TermTally(
        per_term={pk: len(c) for pk, c in tagged.items() if c},
        per_root={pk: len(c) for pk, c in per_root.items() if c},
        total=len(named),
        places=named_in,
    )


SOURCE = TermSource(
    key="workshops",
    name=_("Contributions"),
    origin=_("published workshop reports"),
    tally=published_report_terms,
)
