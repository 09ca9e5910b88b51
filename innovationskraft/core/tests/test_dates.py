"""Dates read the same way on every page: "4 december 2026" (in English "4 December 2026"),
from the DATE_FORMAT and DATETIME_FORMAT of core/formats through Django's date filter."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

TEMPLATES = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("language", "expected"), [("sv", "4 december 2026 09:30"), ("en", "4 December 2026 09:30")]
)
def test_a_date_and_a_time_are_written_out_in_both_languages(language, expected):
    moment = datetime.datetime(2026, 12, 4, 9, 30)
    template = Template(
        '{{ moment|date }} {{ moment|time:"H:i" }}|{{ moment|date:"DATETIME_FORMAT" }}'
    )
    with translation.override(language):
        date_only, with_time = template.render(Context({"moment": moment})).split("|")
    assert date_only == expected
    assert with_time == expected


def test_a_plain_date_in_a_template_is_written_out_too():
    with translation.override("sv"):
        assert Template("{{ day }}").render(Context({"day": datetime.date(2026, 11, 30)})) == (
            "30 november 2026"
        )


def test_no_template_spells_out_its_own_date_format():
    own = re.compile(r"\|date:\"(?!DATE_FORMAT|DATETIME_FORMAT)[^\"]*\"")
    found = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in TEMPLATES.rglob("templates/**/*.html")
        for match in own.finditer(path.read_text())
    ]
    assert found == []
