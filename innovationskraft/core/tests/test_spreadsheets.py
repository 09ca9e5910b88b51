import pytest

from innovationskraft.core.spreadsheets import (
    EXCEL_SV,
    PLAIN,
    dialect_named,
    restored_cell,
    text_cell,
)


@pytest.mark.parametrize("text", ["=1+1", "+46", "-5", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_text_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert text_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Återbruk", "", "'citerat", "a=b", 2015, None])
def test_other_values_pass_as_they_are(value):
    assert text_cell(value) == value


@pytest.mark.parametrize(
    "text", ["=1", "'=1", "''=1", "'", "'text", "text", "", "-", "'\t", "\r\n"]
)
def test_every_text_comes_back_exactly(text):
    assert restored_cell(text_cell(text)) == text


def test_an_unknown_dialect_is_the_default():
    assert dialect_named("excel-sv", default=PLAIN) is EXCEL_SV
    assert dialect_named("nonsense", default=PLAIN) is PLAIN
    assert dialect_named(None, default=EXCEL_SV) is EXCEL_SV
    assert EXCEL_SV.prefix == "\ufeff"
    assert PLAIN.prefix == ""
