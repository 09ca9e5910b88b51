"""Search behaviour over a handful of cases; the suite runs on SQLite and PostgreSQL alike."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import Case, Organisation, Tag, Term
from innovationskraft.cases.vocabularies import vocabularies_sync
from innovationskraft.search import analysis, documents
from innovationskraft.search.backends import Mode, get_backend
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search

pytestmark = pytest.mark.django_db


def found(q: str, **filters) -> list[str]:
    results = case_search(filters=CaseFilters(q=q, sort="relevance", **filters))
    return [case.title for case in results.page.object_list]


@pytest.fixture
def library(make_case, vasteras, term):
    published = Case.Status.PUBLISHED
    make_case(
        title="ReTuna återbruksgalleria",
        summary="Ett köpcentrum där allt som säljs är reparerat eller återbrukat.",
        description="Kommunens återvinningscentral lämnar saker till butikerna.",
        status=published,
        sector=term("sector", "environment"),
    )
    make_case(
        title="Specialiserad hemsjukvård",
        summary="Svårt sjuka patienter vårdas hemma av ett team från sjukhuset.",
        status=published,
        sector=term("sector", "health"),
    )
    make_case(
        title="Sjukvårdsrådgivning dygnet runt",
        summary="Invånare får råd om sjukvård per telefon.",
        status=published,
        sector=term("sector", "health"),
        organisation=vasteras,
    )
    make_case(
        title="Innovation in public procurement",
        summary="Buyers learned to ask the market for solutions instead of products.",
        language="en",
        status=published,
    )
    make_case(
        title="Mål för klimatet",
        summary="Kommunens klimatmål följs upp varje år.",
        status=published,
    )
    make_case(
        title="Mal i arkivet",
        summary="Skadedjur i pappersarkiv bekämpas utan gift.",
        status=published,
    )
    make_case(title="Hemlig plan för återbruk", summary="Ett utkast som ingen ska se.")


def test_a_swedish_inflection_finds_the_base_form_and_back(library):
    assert found("hemsjukvården ") == ["Specialiserad hemsjukvård"]
    assert found("galleriorna ") == ["ReTuna återbruksgalleria"]


def test_a_word_finds_the_compounds_that_begin_or_end_with_it(library):
    assert found("återbruk ") == ["ReTuna återbruksgalleria"]
    assert set(found("sjukvård ")) == {
        "Specialiserad hemsjukvård",
        "Sjukvårdsrådgivning dygnet runt",
    }


def test_a_direct_hit_ranks_above_a_hit_inside_a_compound(library, make_case):
    make_case(title="Nära sjukvård", summary="Vård nära invånarna.", status="published")
    assert found("sjukvård ")[0] == "Nära sjukvård"


def test_drafts_are_not_found(library):
    assert found("utkast ") == []
    assert found("hemlig ") == []


def test_english_cases_are_stemmed_as_english(library):
    assert found("procurements innovations ") == ["Innovation in public procurement"]


def test_every_word_must_match_and_otherwise_any_word_ranks(library):
    results = case_search(filters=CaseFilters(q="hemsjukvård telefon ", sort="relevance"))
    assert results.mode is Mode.ANY
    assert {c.title for c in results.page.object_list} == {
        "Specialiserad hemsjukvård",
        "Sjukvårdsrådgivning dygnet runt",
    }
    assert case_search(filters=CaseFilters(q="sjukvård telefon ")).mode is Mode.ALL


def test_a_phrase_matches_its_words_in_order_only(library):
    assert found('"svårt sjuka"') == ["Specialiserad hemsjukvård"]
    assert found('"sjuka svårt"') == []


def test_a_minus_sign_leaves_cases_out(library):
    assert found("sjukvård -telefon ") == ["Specialiserad hemsjukvård"]
    assert "Sjukvårdsrådgivning dygnet runt" not in found("-telefon")


def test_the_last_word_completes_as_a_prefix_while_typing(library):
    assert found("hemsjukv") == ["Specialiserad hemsjukvård"]
    assert found("spe") == ["Specialiserad hemsjukvård"]
    assert found("spe ") == []


def test_a_short_word_finds_the_compounds_that_begin_with_it(library):
    assert found("hem ") == ["Specialiserad hemsjukvård"]


def test_å_ä_and_ö_are_letters_of_their_own(library):
    assert found("mål ") == ["Mål för klimatet"]
    assert found("mal ") == ["Mal i arkivet"]


def test_a_word_typed_without_å_ä_ö_falls_back_to_the_word_with_them(library):
    results = case_search(filters=CaseFilters(q="aterbruksgalleria", sort="relevance"))
    assert results.mode is Mode.FOLDED
    assert [c.title for c in results.page.object_list] == ["ReTuna återbruksgalleria"]


def test_each_part_of_a_hyphenated_word_typed_without_å_ä_ö_is_only_a_fallback(make_case):
    # SQLite marks the tokens of the words without å, ä and ö, so that they never count as the
    # words themselves; a hyphen splits a word in two tokens, and each is marked.
    if connection.vendor != "sqlite":
        pytest.skip("the marked tokens are SQLite's (PostgreSQL keeps them in a column apart)")
    make_case(title="En e-tjänst för bygglov", summary="Ansök digitalt.", status="published")

    results = case_search(filters=CaseFilters(q="tjanst ", sort="relevance"))

    assert results.mode is Mode.FOLDED
    assert [c.title for c in results.page.object_list] == ["En e-tjänst för bygglov"]


def test_a_misspelt_word_is_corrected_and_the_correction_shown(library):
    results = case_search(filters=CaseFilters(q="telfon", sort="relevance"))
    assert results.corrected == "telefon"
    assert [c.title for c in results.page.object_list] == ["Sjukvårdsrådgivning dygnet runt"]


def test_a_query_of_function_words_does_not_search(library):
    results = case_search(filters=CaseFilters(q="och the"))
    assert results.query.only_stop_words
    assert results.mode is None


def test_filters_combine_with_words_and_facets_count_the_matches(library, term):
    assert found("sjukvård ", county="19") == ["Sjukvårdsrådgivning dygnet runt"]
    results = case_search(filters=CaseFilters(q="sjukvård "))
    sectors = {f.name: f for f in results.facets}["sector"].options
    assert [(o.value, o.count) for o in sectors] == [("health", 2)]
    assert results.total == 2


def test_words_can_be_sorted_by_newest_instead_of_relevance(library, make_case):
    make_case(title="Sjukvård i skärgården", summary="Båtburen vård.", status="published")
    results = case_search(filters=CaseFilters(q="sjukvård ", sort="newest"))
    assert results.page.object_list[0].title == "Sjukvård i skärgården"


def test_title_weighs_more_than_summary_and_summary_more_than_description(make_case):
    make_case(
        title="Cykelbibliotek",
        summary="Lån av cyklar.",
        description="Om solceller.",
        status="published",
    )
    make_case(title="Laddplatser", summary="Solceller på taken.", status="published")
    make_case(title="Solceller på skolor", summary="Eleverna mäter.", status="published")
    assert found("solceller ") == ["Solceller på skolor", "Laddplatser", "Cykelbibliotek"]


def test_a_word_met_once_ranks_the_shorter_case_first_also_when_it_is_older(make_case):
    make_case(title="Laddplatser", description="Solceller på taken.", status="published")
    make_case(
        title="Stadens klimatarbete",
        description="Om solceller. "
        + " ".join(f"Åtgärd{n} med bussar och cyklar." for n in range(40)),
        status="published",
    )
    assert found("solceller ") == ["Laddplatser", "Stadens klimatarbete"]


def test_results_show_a_snippet_with_the_words_marked_and_the_text_escaped(make_case):
    make_case(
        title="Trygghetsvandring",
        summary="Invånare <b>går</b> runt i området och pekar ut otrygga platser.",
        status="published",
    )
    results = case_search(filters=CaseFilters(q="otrygga ", sort="relevance"))
    snippet = str(results.page.object_list[0].snippet)
    assert "<mark>otrygga</mark>" in snippet
    assert "<b>" not in snippet
    assert "&lt;/b&gt;" in snippet


def test_the_word_being_typed_and_a_word_inside_a_compound_are_marked(make_case):
    make_case(
        title="Trygghetsvandring",
        summary="Invånare pekar ut otrygga platser i bost\u00adadsområdet.",
        status="published",
    )
    typing = case_search(filters=CaseFilters(q="otry", sort="relevance"))
    assert "<mark>otrygga</mark>" in str(typing.page.object_list[0].snippet)
    part = case_search(filters=CaseFilters(q="område ", sort="relevance"))
    assert "<mark>bost\u00adadsområdet</mark>" in str(part.page.object_list[0].snippet)


def test_the_organisations_with_the_most_matching_cases_are_named(library):
    results = case_search(filters=CaseFilters(q="sjukvård "))
    assert {(o.name, n) for o, n in results.organisations} == {
        ("Eskilstuna kommun", 1),
        ("Västerås stad", 1),
    }


def test_the_index_follows_edits_archiving_and_deletion(library, moderator):
    case = Case.objects.get(title="Mal i arkivet")
    data = input_from_case(case)
    data.title = "Silverfisk i arkivet"
    services.case_update(actor=None, case=case, data=data)
    assert found("silverfisk ") == ["Silverfisk i arkivet"]
    assert "Silverfisk i arkivet" not in found("mal ")
    services.case_archive(actor=moderator, case=case)
    assert found("silverfisk ") == []
    other = Case.objects.get(title="Mål för klimatet")
    other.delete()
    assert other.pk not in get_backend().indexed_ids()


def test_publishing_makes_a_draft_findable(library, editor):
    draft = Case.objects.get(title="Hemlig plan för återbruk")
    services.case_submit_for_review(actor=editor, case=draft)
    assert found("hemlig ") == []
    services.case_publish(actor=None, case=draft)
    assert "Hemlig plan för återbruk" in found("hemlig ")


def test_rebuilding_the_index_restores_it_and_reports_the_count(library, capsys):
    backend = get_backend()
    backend.remove(sorted(backend.indexed_ids()))
    assert found("återbruk ") == []
    call_command("rebuild_search_index", verbosity=0)
    assert found("återbruk ") == ["ReTuna återbruksgalleria"]
    assert "6" in capsys.readouterr().out


def test_spelling_corrections_read_the_word_table_not_the_index(library):
    """PostgreSQL's ts_stat scans the whole index for each word; the word table is read once
    per word's first letters, however many unknown words a query has (and once for the terms of
    the words' translations)."""
    nonsense = " ".join(f"qzx{chr(97 + n)}vwplk" for n in range(16))
    with CaptureQueriesContext(connection) as queries:
        results = case_search(filters=CaseFilters(q=nonsense, sort="relevance"))
    assert results.total == 0
    sql = " ".join(q["sql"].lower() for q in queries.captured_queries)
    assert "ts_stat" not in sql
    word_table_reads = sum("search_indexedword" in q["sql"] for q in queries.captured_queries)
    assert 1 <= word_table_reads <= 4


def test_a_case_is_found_by_the_other_names_of_its_organisation(make_case):
    statistics = Organisation.objects.create(
        name="Statistiska centralbyrån",
        slug="scb",
        kind=Organisation.Kind.AGENCY,
        aliases=["SCB", "Statistics Sweden"],
    )
    make_case(title="Öppna data om befolkningen", status="published", organisation=statistics)
    make_case(title="Öppna data om trafiken", status="published")
    assert found("scb ") == ["Öppna data om befolkningen"]
    assert found("statistics sweden ") == ["Öppna data om befolkningen"]


def test_renaming_an_organisation_in_the_admin_makes_its_cases_found_by_the_new_names(
    make_case, eskilstuna, admin_client
):
    make_case(title="Återbruksgalleria", status="published")
    assert found("retunastaden ") == []
    url = reverse("admin:cases_organisation_change", args=[eskilstuna.pk])
    data = {
        "name": eskilstuna.name,
        "slug": eskilstuna.slug,
        "kind": eskilstuna.kind,
        "official_code": eskilstuna.official_code,
        "county_code": eskilstuna.county_code,
        "country": eskilstuna.country,
        "aliases": "Retunastaden",
    }
    assert admin_client.post(url, data).status_code == 302
    assert found("retunastaden ") == ["Återbruksgalleria"]


def test_relabelling_a_term_in_the_admin_makes_its_cases_found_by_the_new_label(
    make_case, term, admin_client
):
    procurement = term("barrier", "procurement")
    make_case(title="Återbruksgalleria", status="published", barriers=[procurement])
    make_case(title="Fritidsbanken", status="published")
    assert found("ramavtalsfällan ") == []
    url = reverse("admin:cases_term_change", args=[procurement.pk])
    data = {
        "vocabulary": procurement.vocabulary,
        "code": procurement.code,
        "label_sv": "Ramavtalsfällan",
        "label_en": procurement.label_en,
        "position": procurement.position,
    }
    assert admin_client.post(url, data).status_code == 302
    assert found("ramavtalsfällan ") == ["Återbruksgalleria"]


def test_a_term_relabelled_by_the_shipped_vocabularies_finds_its_cases_by_the_new_label(
    make_case, term
):
    procurement = term("barrier", "procurement")
    shipped = procurement.label_sv
    Term.objects.filter(pk=procurement.pk).update(label_sv="Ramavtalsfällan")
    make_case(title="Återbruksgalleria", status="published", barriers=[procurement])
    assert found("ramavtalsfällan ") == ["Återbruksgalleria"]
    vocabularies_sync()  # as after a release's migrate
    assert Term.objects.get(pk=procurement.pk).label_sv == shipped
    assert found("ramavtalsfällan ") == []


def test_renaming_a_tag_in_the_admin_makes_its_cases_found_by_the_new_name(make_case, admin_client):
    make_case(title="Återbruksgalleria", status="published", tags=["cirkulärt"])
    make_case(title="Fritidsbanken", status="published", tags=["idrott"])
    assert found("kretsloppsekonomi ") == []
    tag = Tag.objects.get(name="cirkulärt")
    url = reverse("admin:cases_tag_change", args=[tag.pk])
    assert admin_client.post(url, {"name": "kretsloppsekonomi"}).status_code == 302
    assert found("kretsloppsekonomi ") == ["Återbruksgalleria"]


def test_indexing_a_case_reads_and_analyses_only_the_tags_and_labels_it_has(
    make_case, term, monkeypatch
):
    procurement, silos = term("barrier", "procurement"), term("barrier", "silos")
    case = make_case(title="Återbruksgalleria", tags=["cirkulärt"], barriers=[procurement])
    make_case(title="Fritidsbanken", tags=["idrott"], barriers=[silos])
    services.case_publish(actor=None, case=case)
    analysed: list[str] = []

    def stems_recorded(text, language="sv"):
        analysed.append(text)
        return analysis.stems(text, language)

    monkeypatch.setattr(documents, "stems", stems_recorded)
    with CaptureQueriesContext(connection) as queries:
        (document,) = documents.documents_for([case.pk])
    assert procurement.label_sv in analysed
    assert silos.label_sv not in analysed
    assert silos.label_en not in analysed
    assert "cirkulart" in document.folded.split()  # the tag, read
    tag_reads = [q["sql"] for q in queries.captured_queries if '"cases_tag"' in q["sql"]]
    assert tag_reads
    assert all("WHERE" in sql for sql in tag_reads), "every tag of the library was read"


def test_deleting_a_tag_or_a_term_in_the_admin_leaves_its_cases_unfound_by_its_name(
    make_case, term, admin_client
):
    procurement = term("barrier", "procurement")
    Term.objects.filter(pk=procurement.pk).update(label_sv="Ramavtalsfällan")
    make_case(
        title="Återbruksgalleria", status="published", tags=["cirkulärt"], barriers=[procurement]
    )
    assert found("cirkulärt ") == found("ramavtalsfällan ") == ["Återbruksgalleria"]
    tag = Tag.objects.get(name="cirkulärt")
    for url in (
        reverse("admin:cases_tag_delete", args=[tag.pk]),
        reverse("admin:cases_term_delete", args=[procurement.pk]),
    ):
        assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Tag.objects.filter(pk=tag.pk).exists()
    assert not Term.objects.filter(pk=procurement.pk).exists()
    assert found("cirkulärt ") == found("ramavtalsfällan ") == []
    assert found("återbruksgalleria ") == ["Återbruksgalleria"]
