"""Demo resources: openly available courses, guides and toolkits for public-sector innovation,
described in this project's own words, each linked to the barriers and enablers it helps with."""

from django.db import transaction

from innovationskraft.cases.models import Term, Vocabulary
from innovationskraft.insights.models import Resource

RESOURCES = [
    {
        "slug": "leda-och-organisera-for-transformation",
        "title": "Leda och organisera för transformation och förnyelse",
        "kind": Resource.Kind.COURSE,
        "provider": "Partnerskapet LOFT med SKR och Adda",
        "url": "https://skr.se/",
        "language": "sv",
        "audience": Resource.Audience.LEADERS,
        "stages": [],
        "description": (
            "En kurs för chefer och ledare i kommuner och regioner som ska driva förnyelse: "
            "hur man styr, organiserar och leder förändring som går på tvärs av förvaltningar, "
            "byggd på kunskap som kommunledningar och forskare tagit fram tillsammans."
        ),
        "barriers": ["governance", "no_system_perspective", "missing_competence", "silos"],
        "enablers": ["innovation_knowledge", "management_support", "research_partnership"],
    },
    {
        "slug": "innovationsguiden",
        "title": "Innovationsguiden",
        "kind": Resource.Kind.GUIDE,
        "provider": "SKR",
        "url": "https://innovationsguiden.se/",
        "language": "sv",
        "audience": Resource.Audience.PRACTITIONERS,
        "stages": ["idea", "pilot"],
        "description": (
            "En öppen guide med metoder för att förstå användarnas behov, ta fram idéer och "
            "testa dem i liten skala innan de införs, med mallar att arbeta med i grupp."
        ),
        "barriers": ["users_not_reached", "risk_aversion", "missing_competence"],
        "enablers": ["user_focus", "co_creation", "user_testing", "training"],
    },
    {
        "slug": "opsi-toolkit-navigator",
        "title": "OPSI Toolkit Navigator",
        "kind": Resource.Kind.TOOLKIT,
        "provider": "OECD Observatory of Public Sector Innovation",
        "url": "https://oecd-opsi.org/toolkits/",
        "language": "en",
        "audience": Resource.Audience.EVERYONE,
        "stages": [],
        "description": (
            "A searchable collection of free toolkits for public-sector innovation, sorted by "
            "purpose: design and research with users, systems change, foresight, evaluation "
            "and more."
        ),
        "barriers": ["missing_competence", "no_system_perspective"],
        "enablers": ["innovation_knowledge", "training", "user_focus"],
    },
    {
        "slug": "innovationsupphandling",
        "title": "Stöd för innovationsupphandling",
        "kind": Resource.Kind.GUIDE,
        "provider": "Upphandlingsmyndigheten",
        "url": "https://www.upphandlingsmyndigheten.se/",
        "language": "sv",
        "audience": Resource.Audience.BUYERS,
        "stages": ["idea", "pilot", "implemented"],
        "description": (
            "Vägledning för att köpa det som ännu inte finns: dialog med leverantörer före "
            "upphandlingen, funktionskrav i stället för detaljerade krav, och de "
            "förfaranden lagen ger för utveckling tillsammans med marknaden."
        ),
        "barriers": ["procurement", "legal_uncertainty"],
        "enablers": ["innovation_procurement", "collaboration"],
    },
    {
        "slug": "nesta-standards-of-evidence",
        "title": "Standards of Evidence",
        "kind": Resource.Kind.METHOD,
        "provider": "Nesta",
        "url": "https://www.nesta.org.uk/",
        "language": "en",
        "audience": Resource.Audience.PRACTITIONERS,
        "stages": ["pilot", "implemented", "spread"],
        "description": (
            "A ladder for how well the effects of an innovation are known, from a clear "
            "description of what it should change to evaluations that compare with doing "
            "without it and results that hold up elsewhere."
        ),
        "barriers": ["hard_to_spread", "projectification"],
        "enablers": ["scaling", "research_partnership"],
    },
    {
        "slug": "vinnova-finansiering",
        "title": "Finansiering för innovation i offentlig sektor",
        "kind": Resource.Kind.NETWORK,
        "provider": "Vinnova",
        "url": "https://www.vinnova.se/",
        "language": "sv",
        "audience": Resource.Audience.EVERYONE,
        "stages": ["idea", "pilot"],
        "description": (
            "Sveriges innovationsmyndighet utlyser medel för att utveckla och pröva nya "
            "lösningar i offentlig verksamhet och samlar dem som arbetar med det i nätverk "
            "och program."
        ),
        "barriers": ["lack_of_funding", "resources"],
        "enablers": ["dedicated_funding", "networks"],
    },
]


@transaction.atomic
def demo_resources_load() -> int:
    """Adds the demo resources that are missing; returns how many were added."""
    terms = {
        (t.vocabulary, t.code): t
        for t in Term.objects.filter(vocabulary__in=[Vocabulary.BARRIER, Vocabulary.ENABLER])
    }
    added = 0
    for item in RESOURCES:
        if Resource.objects.filter(slug=item["slug"]).exists():
            continue
        values = {k: v for k, v in item.items() if k not in {"barriers", "enablers"}}
        resource = Resource.objects.create(**values)
        resource.barriers.set([terms[("barrier", c)] for c in item["barriers"]])
        resource.enablers.set([terms[("enabler", c)] for c in item["enablers"]])
        added += 1
    return added
