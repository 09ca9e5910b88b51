import csv

import pytest

from innovationskraft.cases.models import Case, Organisation
from innovationskraft.opendata.importing import FileUnreadable
from innovationskraft.opendata.services import ImportRefused, cases_import
from innovationskraft.opendata.tests.conftest import exported, plan_of
from innovationskraft.opendata.tests.rows import imported, jsonl, record
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search

pytestmark = pytest.mark.django_db


def test_an_imported_case_is_published_and_found_by_search(eskilstuna):
    result = imported(jsonl(record(barriers=["legal_uncertainty"], tags=["Språk"])))
    assert (result.created, result.updated) == (1, 0)
    case = Case.objects.get(identifier="opsi-1")
    assert case.status == Case.Status.PUBLISHED
    assert case.published_at is not None
    assert [t.code for t in case.barriers.all()] == ["legal_uncertainty"]
    assert [t.name for t in case.tags.all()] == ["Språk"]
    found = case_search(filters=CaseFilters(q="språkcafé"))
    assert [c.pk for c in found.page] == [case.pk]


def test_importing_the_same_identifier_again_updates_the_case(eskilstuna):
    imported(jsonl(record()))
    result = imported(jsonl(record(title="Språkcafé i hela kommunen")))
    assert (result.created, result.updated) == (0, 1)
    assert Case.objects.get().title == "Språkcafé i hela kommunen"


def _harvested(published_at: str, harvested_at: str) -> dict:
    """The record with a date and a source, as a harvest writes it."""
    return record(
        published_at=published_at,
        source="Registret",
        source_identifier="r-1",
        harvested_at=harvested_at,
    )


def test_a_record_without_a_date_or_a_source_keeps_those_of_the_case_and_raises_its_revision(
    eskilstuna,
):
    imported(jsonl(_harvested("2025-05-01T08:00:00+00:00", "2026-01-02T03:04:05+00:00")))
    before = Case.objects.get()
    imported(jsonl(record(title="Språkcafé i hela kommunen")))
    after = Case.objects.get()
    assert after.title == "Språkcafé i hela kommunen"
    assert after.published_at == before.published_at
    assert after.published_at.isoformat() == "2025-05-01T08:00:00+00:00"
    kept = ("source", "source_identifier", "harvested_at")
    assert [getattr(after, name) for name in kept] == [getattr(before, name) for name in kept]
    assert after.source_identifier == "r-1"
    assert after.revision == before.revision + 1


def test_a_record_with_a_date_and_a_source_replaces_those_of_the_case(eskilstuna):
    imported(jsonl(record(source="Registret", source_identifier="r-1")))
    imported(jsonl(_harvested("2024-02-03T10:00:00+00:00", "2026-03-04T05:06:07+00:00")))
    case = Case.objects.get()
    assert case.published_at.isoformat() == "2024-02-03T10:00:00+00:00"
    assert case.harvested_at.isoformat() == "2026-03-04T05:06:07+00:00"


def test_importing_a_case_again_replaces_its_terms_tags_and_links_and_leaves_others_alone(
    eskilstuna,
):
    first = {
        "barriers": ["legal_uncertainty"],
        "tags": ["Språk", "Volontärer"],
        "links": [{"title": "Förr", "url": "https://forr.example/"}],
    }
    imported(jsonl(record(**first), record(identifier="opsi-2", **first)))
    imported(
        jsonl(
            record(
                barriers=[],
                tags=["Bibliotek"],
                links=[{"title": "Nu", "url": "https://nu.example/"}],
            )
        )
    )
    again, other = Case.objects.get(identifier="opsi-1"), Case.objects.get(identifier="opsi-2")
    assert list(again.barriers.all()) == []
    assert [t.name for t in again.tags.all()] == ["Bibliotek"]
    assert [link.url for link in again.links.all()] == ["https://nu.example/"]
    assert [t.code for t in other.barriers.all()] == ["legal_uncertainty"]
    assert sorted(t.name for t in other.tags.all()) == ["Språk", "Volontärer"]
    assert [link.url for link in other.links.all()] == ["https://forr.example/"]


def test_re_importing_an_export_changes_nothing(published):
    before = exported("jsonl")
    result = imported(before)
    assert result.updated == 1
    assert exported("jsonl") == before
    assert Case.objects.count() == 1


def test_re_importing_keeps_the_contact_details_that_files_never_carry(published):
    imported(exported("csv"), "csv")
    published.refresh_from_db()
    assert published.contact_email == "karin@eskilstuna.example"


def test_every_error_is_reported_with_row_and_field_and_nothing_is_imported(eskilstuna):
    text = jsonl(
        record(identifier="ok-1"),
        record(identifier="bad-1", title="", stage="someday"),
        record(identifier="bad-2", barriers=["no-such-code"], start_year=2999),
    )
    plan = plan_of(text)
    found = {(e.row, e.field) for e in plan.errors}
    assert found == {(2, "title"), (2, "stage"), (3, "barriers"), (3, "start_year")}
    assert plan.invalid_rows == 2
    barrier_error = next(e for e in plan.errors if e.field == "barriers")
    assert barrier_error.code == "unknown_code"
    assert "no-such-code" in barrier_error.message
    with pytest.raises(ImportRefused):
        cases_import(actor=None, plan=plan)
    assert not Case.objects.exists()


def test_skipping_bad_rows_imports_the_rest(eskilstuna):
    text = jsonl(record(identifier="ok-1"), record(identifier="bad-1", title=""))
    result = imported(text, skip_invalid=True)
    assert (result.created, result.skipped) == (1, 1)
    assert list(Case.objects.values_list("identifier", flat=True)) == ["ok-1"]


def test_a_failure_half_way_leaves_the_library_as_it_was(eskilstuna, published, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the disk is full")

    # A listener of `case_changed` fails inside the import's transaction.
    monkeypatch.setattr("innovationskraft.search.receivers.cases_reindexed", broken)
    with pytest.raises(RuntimeError):
        imported(jsonl(record(identifier="new-1"), record(identifier=published.identifier)))
    assert list(Case.objects.values_list("identifier", flat=True)) == [published.identifier]
    assert Case.objects.get().title == published.title


def test_a_line_that_is_not_json_is_an_error_of_its_row(eskilstuna):
    plan = plan_of(jsonl(record()) + "{not json\n")
    [error] = plan.errors
    assert (error.row, error.code) == (2, "invalid_json")
    assert len(plan.rows) == 1


def test_a_csv_without_a_header_row_is_refused_as_a_whole():
    with pytest.raises(FileUnreadable):
        plan_of("Språkcafé,Nyanlända övar\n", "csv")


def test_a_file_neither_utf8_nor_windows_1252_is_refused_as_a_whole():
    import io

    from innovationskraft.opendata.importing import import_plan

    # 0x81 is no character of Windows-1252, and no UTF-8 either.
    with pytest.raises(FileUnreadable, match="CSV UTF-8"):
        import_plan(io.BytesIO(b"title\nSpr\x81kcaf\xe9\n"), file_format="csv")


def test_csv_rows_are_numbered_as_a_spreadsheet_shows_them(eskilstuna):
    text = "title,summary,stage,lead_organisation\nA,B,idea,eskilstuna-kommun\n,B,idea,x\n"
    plan = plan_of(text, "csv")
    assert {(e.row, e.field) for e in plan.errors} == {(3, "title"), (3, "lead_organisation")}


def test_an_identifier_used_twice_in_a_file_is_an_error_of_the_second_row(eskilstuna):
    plan = plan_of(jsonl(record(), record(title="Samma nyckel")))
    [error] = plan.errors
    assert (error.row, error.field, error.code) == (2, "identifier", "duplicate")
    assert "rad 1" in error.message


def test_a_case_may_name_its_inspiration_further_down_the_file(eskilstuna):
    imported(jsonl(record(identifier="b", inspired_by=["a"]), record(identifier="a", title="A")))
    case = Case.objects.get(identifier="b")
    assert list(case.inspired_by.values_list("identifier", flat=True)) == ["a"]


def test_an_inspiration_that_is_nowhere_is_an_error(eskilstuna):
    plan = plan_of(jsonl(record(inspired_by=["missing"])))
    [error] = plan.errors
    assert (error.field, error.code) == ("inspired_by", "unknown_case")


def test_an_unknown_organisation_is_created_when_the_row_says_what_it_is(db):
    text = jsonl(
        record(
            lead_organisation="nya-kommunen",
            lead_organisation_name="Nya kommunen",
            lead_organisation_type="municipality",
            partners=["ett-bolag"],
            partners_names=["Ett bolag AB"],
            partners_types=["company"],
        )
    )
    result = imported(text)
    assert result.organisations_created == 2
    case = Case.objects.get()
    assert case.lead_organisation.name == "Nya kommunen"
    assert [o.kind for o in case.partners.all()] == [Organisation.Kind.COMPANY]


def test_an_unknown_organisation_without_a_type_is_an_error(db):
    plan = plan_of(jsonl(record(lead_organisation="okand", lead_organisation_name="Okänd")))
    [error] = plan.errors
    assert error.field == "lead_organisation_type"


def test_a_draft_of_the_library_cannot_be_named_as_inspiration(eskilstuna, make_case):
    draft = make_case(title="Ett utkast")
    plan = plan_of(jsonl(record(inspired_by=[draft.identifier])))
    [error] = plan.errors
    assert (error.field, error.code) == ("inspired_by", "unknown_case")


def test_a_null_character_is_an_error_of_its_field(eskilstuna):
    plan = plan_of(jsonl(record(tags=["åter\x00bruk"], title="Språk\x00café")))
    assert {(e.field, e.code) for e in plan.errors} == {
        ("tags", "null_characters"),
        ("title", "null_characters"),
    }


def test_a_json_line_that_is_not_an_object_is_an_error_of_its_row(eskilstuna):
    plan = plan_of(jsonl(record()) + "[1, 2]\n")
    [error] = plan.errors
    assert (error.row, error.code) == (2, "invalid")
    assert len(plan.rows) == 1


def test_a_csv_cell_longer_than_the_csv_module_reads_is_read_whole(eskilstuna):
    # 220,000 characters, past the csv module's 128 KiB: read whole, then refused for the
    # description's own limit, by its length.
    description = "Lång text. " * 20_000
    header = "identifier,title,summary,stage,lead_organisation,description\n"
    text = header + f"lang,Lång,Kort,idea,eskilstuna-kommun,{description}\n"
    [error] = plan_of(text, "csv").errors
    assert (error.row, error.field, error.code) == (2, "description", "max_length")
    assert str(len(description.strip())) in error.message


@pytest.fixture
def small_csv_cells():
    previous = csv.field_size_limit(100)
    yield
    csv.field_size_limit(previous)


def test_a_csv_the_reader_cannot_finish_is_refused_as_a_whole(eskilstuna, small_csv_cells):
    text = (
        "title,summary,stage,lead_organisation\n" + "A," + "x" * 200 + ",idea,eskilstuna-kommun\n"
    )
    with pytest.raises(FileUnreadable, match="Rad 2"):
        plan_of(text, "csv")


def test_empty_inspiration_items_are_left_out(eskilstuna):
    imported(
        "title,summary,stage,lead_organisation,inspired_by\nA,B,idea,eskilstuna-kommun,|\n", "csv"
    )
    assert not Case.objects.get().inspired_by.exists()


def test_contact_columns_in_a_file_are_ignored(eskilstuna):
    imported(jsonl(record(contact_email="not an address", contact_name="Karin")))
    case = Case.objects.get()
    assert (case.contact_email, case.contact_name) == ("", "")


def test_an_organisation_slug_that_is_not_a_slug_is_an_error(db):
    text = jsonl(
        record(
            lead_organisation="Region Nyland/x",
            lead_organisation_name="Region Nyland",
            lead_organisation_type="region",
        )
    )
    [error] = plan_of(text).errors
    assert (error.field, error.code) == ("lead_organisation", "invalid")


def test_an_official_code_longer_than_the_registry_allows_is_an_error(db):
    text = jsonl(
        record(
            lead_organisation="ny-kommun",
            lead_organisation_name="Ny kommun",
            lead_organisation_type="municipality",
            lead_organisation_code="1" * 40,
        )
    )
    [error] = plan_of(text).errors
    assert error.field == "lead_organisation_code"


def test_an_organisation_the_registry_knows_by_its_code_is_not_created_again(eskilstuna):
    same = {
        "lead_organisation_name": "Eskilstuna",
        "lead_organisation_type": "municipality",
        "lead_organisation_code": "0484",
    }
    text = jsonl(
        record(identifier="a", lead_organisation="eskilstuna", **same),
        record(identifier="b", lead_organisation="eskilstuna-2", **same),
    )
    result = imported(text)
    assert result.organisations_created == 0
    assert {c.lead_organisation_id for c in Case.objects.all()} == {eskilstuna.pk}


def test_a_new_organisation_named_by_two_slugs_with_one_code_is_created_once(db):
    same = {
        "lead_organisation_name": "Nya kommunen",
        "lead_organisation_type": "municipality",
        "lead_organisation_code": "9999",
    }
    text = jsonl(
        record(identifier="a", lead_organisation="nya", **same),
        record(identifier="b", lead_organisation="nya-kommunen", **same),
    )
    assert imported(text).organisations_created == 1
    assert Organisation.objects.filter(official_code="9999").count() == 1


def test_a_case_never_gets_the_address_of_the_new_case_page(eskilstuna, client):
    imported(jsonl(record(slug="ny")))
    case = Case.objects.get()
    assert case.slug != "ny"
    assert client.get(case.get_absolute_url()).status_code == 200


def test_an_import_larger_than_the_index_builds_the_postgresql_indexes_after_its_rows(
    eskilstuna, monkeypatch
):
    from django.db import connection

    from innovationskraft.search.backends import postgresql

    if connection.vendor != "postgresql":
        pytest.skip("GIN indexes are PostgreSQL's")
    monkeypatch.setattr(postgresql, "REBUILT_FROM", 1)
    statements: list[str] = []
    with connection.execute_wrapper(
        lambda run, sql, *args: statements.append(sql) or run(sql, *args)
    ):
        imported(jsonl(record()))
    assert any(sql.startswith("DROP INDEX") for sql in statements)
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [postgresql.TABLE])
        indexes = {row[0] for row in cursor.fetchall()}
    assert {f"{postgresql.TABLE}_vector", f"{postgresql.TABLE}_folded"} <= indexes
    found = case_search(filters=CaseFilters(q="språkcafé"))
    assert [c.identifier for c in found.page] == ["opsi-1"]


def test_a_failed_import_keeps_the_postgresql_indexes(eskilstuna, monkeypatch):
    from django.db import connection

    from innovationskraft.search.backends import postgresql

    if connection.vendor != "postgresql":
        pytest.skip("GIN indexes are PostgreSQL's")
    monkeypatch.setattr(postgresql, "REBUILT_FROM", 1)

    def failing(**kwargs):
        raise RuntimeError("the index could not be written")

    monkeypatch.setattr("innovationskraft.opendata.services.cases_changed", failing)
    with pytest.raises(RuntimeError):
        imported(jsonl(record()))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_indexes WHERE tablename = %s", [postgresql.TABLE])
        assert cursor.fetchone()[0] == 3  # the key and both GIN indexes
    assert not Case.objects.exists()
