"""Files as Excel in Swedish saves them: semicolons between cells, UTF-8 with a byte order
mark, or Windows-1252 when saved as plain CSV."""

import csv
import io

import pytest

from innovationskraft.cases.models import Case
from innovationskraft.opendata.importing import FileUnreadable, import_plan
from innovationskraft.opendata.tests.rows import imported

pytestmark = pytest.mark.django_db

HEADER = "identifier;title;summary;stage;lead_organisation;tags\r\n"
ROW = "a;Språkcafé;Nyanlända övar svenska, varje vecka.;pilot;eskilstuna-kommun;språk|möten\r\n"


def plan_of_bytes(content: bytes):
    return import_plan(io.BytesIO(content), file_format="csv")


def test_a_file_with_semicolons_between_cells_is_read(eskilstuna):
    imported(HEADER + ROW, "csv")
    case = Case.objects.get()
    assert (case.title, case.summary) == ("Språkcafé", "Nyanlända övar svenska, varje vecka.")
    assert sorted(tag.name for tag in case.tags.all()) == ["möten", "språk"]


def test_a_file_with_commas_between_cells_is_still_read(eskilstuna):
    imported("title,summary,stage,lead_organisation\nA,B; C,idea,eskilstuna-kommun\n", "csv")
    assert Case.objects.get().summary == "B; C"


def test_utf8_with_a_byte_order_mark_is_read_without_a_warning(eskilstuna):
    plan = plan_of_bytes(("\ufeff" + HEADER + ROW).encode("utf-8"))
    assert (plan.errors, plan.warnings, len(plan.rows)) == ([], [], 1)


def test_a_file_in_windows_1252_is_read_with_a_warning(eskilstuna):
    plan = plan_of_bytes((HEADER + ROW).encode("cp1252"))
    assert plan.errors == []
    [(_row, parsed)] = plan.rows
    assert parsed.data.title == "Språkcafé"
    [warning] = plan.warnings
    assert (warning.row, warning.code) == (2, "windows_1252")
    assert "Windows-1252" in warning.message


def test_a_file_neither_utf8_nor_windows_1252_names_its_row_and_says_how_to_save_it(eskilstuna):
    content = (HEADER + ROW).encode("utf-8") + b"b;Caf\x81;x;idea;eskilstuna-kommun;\r\n"
    with pytest.raises(FileUnreadable) as refused:
        plan_of_bytes(content)
    assert "Rad 3" in str(refused.value)
    assert "CSV UTF-8" in str(refused.value)


@pytest.fixture
def small_csv_cells():
    previous = csv.field_size_limit(1000)
    yield
    csv.field_size_limit(previous)


def test_a_cell_beyond_the_limit_is_refused_with_its_row_in_plain_words(
    eskilstuna, small_csv_cells
):
    unclosed = 'b;"Aldrig stängd;x;idea;eskilstuna-kommun;\r\n' + "mer text\r\n" * 200
    with pytest.raises(FileUnreadable) as refused:
        plan_of_bytes((HEADER + ROW + unclosed).encode("utf-8"))
    message = str(refused.value)
    assert message.startswith("Rad 3 har en cell med fler än 1000 tecken")
    assert "field larger" not in message


def test_a_header_cell_with_spaces_around_its_name_is_read(eskilstuna):
    imported(" title ; summary ;stage;lead_organisation\r\nA;B;idea;eskilstuna-kommun\r\n", "csv")
    assert Case.objects.get().title == "A"
