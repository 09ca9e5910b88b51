"""Synthetic but realistic Swedish cases in bulk, for benchmarks and load tests."""

import random
from collections.abc import Callable, Iterator
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from innovationskraft.cases.models import Case, Organisation, Tag, Term
from innovationskraft.cases.signals import cases_changed

SUBJECTS = [
    "hemsjukvård", "återbruk", "skolskjuts", "e-tjänst för bygglov", "digital fritidsbank",
    "medborgardialog", "trygghetsvandring", "matsvinn", "ensamhet bland äldre", "språkcafé",
    "nattfasta", "läxhjälp", "cykelpendling", "vattenrening", "solenergi på skolor",
    "välfärdsteknik", "kollektivtrafik på landsbygden", "demensvård", "arbetsmarknadsinsats",
    "föreningsstöd", "biblioteksservice", "ungdomsmottagning", "psykisk hälsa bland unga",
    "avfallssortering", "anhörigstöd", "fallprevention", "digitalt utanförskap",
    "upphandling av livsmedel", "klimatanpassning", "nyanländas etablering",
]  # fmt: skip
APPROACHES = [
    "Samskapad", "Digital", "Mobil", "Samordnad", "Förebyggande", "Datadriven", "Öppen",
    "Gemensam", "Lokal", "Regional", "Hållbar", "Nära",
]  # fmt: skip
FORMS = ["tjänst", "modell", "plattform", "arbetssätt", "satsning", "lösning", "pilot"]
SENTENCES = [
    "Verksamheten utgick från de behov som invånarna själva beskrev i intervjuer och workshoppar.",
    "Ett tvärfunktionellt team med medarbetare från flera förvaltningar drev arbetet.",
    "Lösningen prövades först i liten skala och växlades sedan upp till hela kommunen.",
    "Uppföljningen visar kortare väntetider och nöjdare användare.",
    "Upphandlingen tog längre tid än planerat eftersom marknaden saknade färdiga lösningar.",
    "Ledningen avsatte särskilda medel för att pröva nya arbetssätt under två år.",
    "Medarbetarna fick utbildning i tjänstedesign och förändringsledning.",
    "Samarbetet med ett lärosäte gav stöd i utvärderingen av effekterna.",
    "Flera grannkommuner har visat intresse för att införa samma arbetssätt.",
    "Juridiska frågor om delning av personuppgifter behövde lösas tidigt.",
    "Äldre it-system försvårade integrationen med befintliga verksamhetssystem.",
    "Projektet blev en del av ordinarie verksamhet när finansieringen från staten upphörde.",
    "Användarna testade prototyper i varje steg och deras synpunkter styrde prioriteringarna.",
    "Resultaten har spridits genom regionala nätverk och konferenser.",
    "Arbetet bidrar till minskad klimatpåverkan och lägre kostnader över tid.",
    "Politiska beslut i nämnden gav arbetet legitimitet och långsiktighet.",
]  # fmt: skip
TAGS = [
    "digitalisering", "tjänstedesign", "samverkan", "hållbarhet", "äldreomsorg", "skola",
    "innovation", "återbruk", "välfärdsteknik", "medborgardialog", "data", "upphandling",
]  # fmt: skip


def _case_texts(rng: random.Random, municipality: str) -> tuple[str, str, str]:
    subject = rng.choice(SUBJECTS)
    title = f"{rng.choice(APPROACHES)} {rng.choice(FORMS)} för {subject} i {municipality}"
    summary = " ".join(rng.sample(SENTENCES, 2))
    paragraphs = [" ".join(rng.sample(SENTENCES, 4)) for _ in range(3)]
    description = (
        f"## Bakgrund\n{paragraphs[0]}\n\n## Så fungerar det\n{paragraphs[1]}\n\n"
        f"## Lärdomar\n{paragraphs[2]}"
    )
    return title, summary, description


def _chunks(total: int, size: int) -> Iterator[int]:
    for start in range(0, total, size):
        yield min(size, total - start)


@transaction.atomic
def generate_cases(
    *, count: int, seed: int = 1, progress: Callable[[int], None] | None = None
) -> int:
    """Create `count` published cases with vocabularies, spread over the organisations."""
    rng = random.Random(seed)
    organisations = list(Organisation.objects.only("id", "name"))
    if not organisations:
        raise ValueError("No organisations: run manage.py migrate, which loads the registry.")
    terms: dict[str, list[Term]] = {}
    for term in Term.objects.all():
        terms.setdefault(term.vocabulary, []).append(term)
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
    stages, facets = Case.Stage.values, Case.Facet.values
    first_id = (Case.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    now = timezone.now()
    created = 0
    for size in _chunks(count, 2000):
        batch = []
        for offset in range(size):
            organisation = rng.choice(organisations)
            title, summary, description = _case_texts(rng, organisation.name)
            number = first_id + created + offset
            batch.append(
                Case(
                    title=title,
                    slug=f"generated-{number}",
                    summary=summary,
                    description=description,
                    lead_organisation_id=organisation.id,
                    stage=rng.choice(stages),
                    facet=rng.choice(facets),
                    start_year=rng.randint(2000, now.year),
                    sector=rng.choice(terms["sector"]),
                    status=Case.Status.PUBLISHED,
                    published_at=now - timedelta(minutes=number),
                    adoption_count=rng.choice([0, 0, 0, 1, 2, 5]),
                )
            )
        cases = Case.objects.bulk_create(batch)
        _link_terms(rng, cases, terms, tags)
        cases_changed(
            case_ids=[case.id for case in cases], actor=None, action=gettext_noop("Generated")
        )
        created += size
        if progress:
            progress(size)
    return created


def _link_terms(rng, cases, terms, tags) -> None:
    relations = {
        "barriers": ("barrier", 2),
        "enablers": ("enabler", 2),
        "target_groups": ("target_group", 2),
        "innovation_types": ("innovation_type", 1),
        "effects": ("effect", 2),
    }
    for relation, (vocabulary, most) in relations.items():
        through = getattr(Case, relation).through
        rows = [
            through(case_id=case.id, term_id=term.id)
            for case in cases
            for term in rng.sample(terms[vocabulary], rng.randint(1, most))
        ]
        through.objects.bulk_create(rows)
    tag_through = Case.tags.through
    tag_through.objects.bulk_create(
        tag_through(case_id=case.id, tag_id=tag.id) for case in cases for tag in rng.sample(tags, 2)
    )
