"""A held and published demo workshop, so that a new installation shows the whole loop."""

import datetime

from django.db import transaction

from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.workshops import services
from innovationskraft.workshops.models import Prompt, Theme, Workshop

TITLE = "Innovationskraft i offentlig verksamhet (demo)"
# (text, the demo case it names)
EXAMPLES = [
    ("1177, en gemensam ingång till vården", "1177-vardguiden"),
    ("1177 Vårdguiden", "1177-vardguiden"),
    ("verksamt.se för den som startar företag", "verksamt-se"),
    ("ReTuna, galleria där allt är återbrukat", "retuna-aterbruksgalleria"),
    ("LOFT: kommunledningar och forskare lär sig leda förnyelse tillsammans", "partnerskapet-loft"),
    (
        "Avancerad sjukvård i hemmet i stället för sjukhussäng",
        "specialiserad-avancerad-hemsjukvard",
    ),
    ("Trainstation, en plats för digitalt skapande", "trainstation"),
    ("Verklighetslabb där äldre, personal och forskare testar nytt", ""),
    ("Förifylld deklaration som godkänns i mobilen", "forifylld-deklaration"),
]
ENABLERS = [
    "Tydligare styrning och budget för att pröva nytt",
    "Styrning som ger mandat att pröva",
    "Mer kunskap om innovation hos chefer och politiker",
    "Kunskap om förändringsledning",
    "Utgå från användarnas behov",
    "Skala upp det som fungerar i stället för nya piloter",
]
BARRIERS = [
    "Politiska svängningar efter varje val",
    "Politiska skiften: politiken byter riktning och långsiktigheten försvinner",
    "Upphandlingen tar för lång tid",
    "Krånglig upphandling stoppar nya lösningar",
    "Allt blir projekt som dör när pengarna tar slut",
    "Projektifiering: tillfälliga projekt i stället för ordinarie verksamhet",
    "Stuprör: ingen samordning mellan förvaltningarna",
    "Svårt att sprida goda exempel till andra kommuner",
]
TAGS = {"upphandling": "procurement", "politisk": "political_swings"}
CONCLUSIONS = """Rummet var överens om tre saker:

1. **Styrning och budget** måste ge utrymme att pröva nytt, och mandat att behålla det som fungerar.
2. **Kunskap om innovation** behövs hos både politiker och tjänstepersoner.
3. **Användarna först**: det som redan fungerar någonstans ska skalas upp, inte uppfinnas igen.

De största hindren var politiska svängningar, projektifiering och en upphandling som tar tid."""


@transaction.atomic
def demo_workshop_load() -> Workshop | None:
    """Create the demo workshop once; None when it is already there."""
    if Workshop.objects.filter(title=TITLE).exists():
        return None
    organiser = Organisation.objects.get(kind="municipality", official_code="0484")
    workshop = services.workshop_create(
        actor=None, organiser=organiser, title=TITLE, date=datetime.date(2024, 1, 25)
    )
    services.workshop_open(actor=None, workshop=workshop)
    people = [
        services.participant_join(workshop=workshop, organisation_name=name)
        for name in ("Västerås stad", "Region Uppsala", "Uppsala kommun", "Sundsvalls kommun", "")
    ]
    prompts = {prompt.kind: prompt for prompt in workshop.prompts.all()}
    sent = []
    answers = {
        Prompt.Kind.EXAMPLE: [text for text, _slug in EXAMPLES],
        Prompt.Kind.ENABLER: ENABLERS,
        Prompt.Kind.BARRIER: BARRIERS,
    }
    for kind, texts in answers.items():
        for number, text in enumerate(texts):
            sent.append(
                services.contribution_send(
                    participant=people[number % len(people)], prompt=prompts[kind], text=text
                )
            )
    examples = sent[: len(EXAMPLES)]
    services.contribution_merge(actor=None, duplicate=examples[1], into=examples[0])
    for contribution, (_text, slug) in zip(examples, EXAMPLES, strict=True):
        case = (
            Case.objects.filter(slug=slug, status=Case.Status.PUBLISHED).first() if slug else None
        )
        if case and contribution.merged_into_id is None:
            services.contribution_link_case(actor=None, contribution=contribution, case=case)
    services.themes_cluster(actor=None, workshop=workshop)
    for theme in Theme.objects.filter(prompt__workshop=workshop):
        codes = [code for word, code in TAGS.items() if word in theme.name.lower()]
        if codes:
            services.theme_set_terms(
                actor=None, theme=theme, terms=list(Term.objects.filter(code__in=codes))
            )
    voting_round = services.round_open(actor=None, workshop=workshop, target="themes", budget=2)
    themes = list(Theme.objects.filter(prompt__workshop=workshop).order_by("pk"))
    for number, person in enumerate(people):
        for theme in {themes[number % len(themes)], themes[(number * 2 + 1) % len(themes)]}:
            services.vote_cast(participant=person, voting_round=voting_round, item=theme)
    services.workshop_close(actor=None, workshop=workshop)
    services.workshop_save_conclusions(actor=None, workshop=workshop, conclusions=CONCLUSIONS)
    return services.workshop_publish(actor=None, workshop=workshop)
