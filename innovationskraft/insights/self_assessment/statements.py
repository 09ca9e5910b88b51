"""The questionnaire: seven dimensions of innovation capacity, each with three or four
statements answered on a five-point scale. Written for this site.

A statement's code is stored with every saved answer and carried in every permalink: never
change or reuse one. Rewording a statement keeps its code; a new statement gets a new code."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SCALE = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]
LOWEST, HIGHEST = SCALE[0][0], SCALE[-1][0]


@dataclass(frozen=True)
class Statement:
    code: str
    text: Promise


@dataclass(frozen=True)
class Dimension:
    code: str
    title: Promise
    statements: tuple[Statement, ...]
    # The vocabulary terms the dimension is about: resources and cases are found through them.
    barriers: tuple[str, ...]
    enablers: tuple[str, ...]


def _statements(dimension: str, *texts: Promise) -> tuple[Statement, ...]:
    return tuple(Statement(f"{dimension}-{n}", text) for n, text in enumerate(texts, start=1))


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "steering",
        _("Steering and budgeting"),
        _statements(
            "steering",
            _("Our goals and plans say what we want to renew, not only what we run today."),
            _("Money is set aside for trying new ways of working, outside the usual budget."),
            _("When a trial works, there is a clear way to decide on it and fund it for good."),
            _("Our follow-up asks what we learned, not only whether we kept to the budget."),
        ),
        barriers=("no_system_perspective", "lack_of_funding"),
        enablers=("steering_budgeting",),
    ),
    Dimension(
        "knowledge",
        _("Knowledge and competence"),
        _statements(
            "knowledge",
            _("Staff have learned methods for developing new services and ways of working."),
            _("We know where to get help with innovation, inside or outside our organisation."),
            _("Our managers know how to lead change when the outcome is not known in advance."),
            _("We use research and others' experience when we start something new."),
        ),
        barriers=("missing_competence",),
        enablers=("innovation_knowledge",),
    ),
    Dimension(
        "users",
        _("User focus"),
        _statements(
            "users",
            _("We meet the people we serve to understand their needs before we choose a solution."),
            _("Residents and users take part in designing new services."),
            _("We test early versions with users and change them after what we learn."),
        ),
        barriers=("users_not_reached",),
        enablers=("user_focus",),
    ),
    Dimension(
        "culture",
        _("Culture and leadership"),
        _statements(
            "culture",
            _("It is safe here to suggest new ideas, even ones that question how we work."),
            _("A trial that fails is something to learn from, not a mistake to hide."),
            _("Our senior managers make clear that renewal is part of everyone's job."),
            _("Staff get time to work on improvements beside their daily tasks."),
        ),
        barriers=("risk_aversion", "resistance_to_change"),
        enablers=("management_support",),
    ),
    Dimension(
        "collaboration",
        _("Collaboration across silos"),
        _statements(
            "collaboration",
            _("Departments share goals and resources when a problem spans several of them."),
            _("Someone has the mandate to coordinate work that crosses departments."),
            _(
                "We solve shared problems together with other public bodies, companies, "
                "researchers or civil society."
            ),
        ),
        barriers=("no_coordination", "data_sharing"),
        enablers=("cross_sector",),
    ),
    Dimension(
        "scaling",
        _("Scaling and spreading"),
        _statements(
            "scaling",
            _("A solution that works in one unit is taken up by our other units."),
            _("Before we develop something of our own, we look at what others have done."),
            _("We describe and share our new solutions so that others can reuse them."),
            _("A project ends with a plan for who takes over and runs what worked."),
        ),
        barriers=("hard_to_spread", "projectification"),
        enablers=("scaling",),
    ),
    Dimension(
        "procurement",
        _("Procurement"),
        _statements(
            "procurement",
            _("We talk with suppliers and the market before we write a specification."),
            _("Our specifications describe the need or the function, not a given solution."),
            _("Procurement staff take part early when we plan something new."),
        ),
        barriers=("procurement",),
        enablers=("innovation_procurement",),
    ),
)

STATEMENTS: tuple[Statement, ...] = tuple(s for d in DIMENSIONS for s in d.statements)
STATEMENT_CODES = frozenset(s.code for s in STATEMENTS)
