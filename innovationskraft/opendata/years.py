"""A start year as catalogues write it: "2019", "2019-05", "2019-05-12", "maj 2019"."""

import re

MONTHS = {
    "jan", "januari", "january", "feb", "febr", "februari", "february", "mar", "mars", "march",
    "apr", "april", "maj", "may", "jun", "juni", "june", "jul", "juli", "july", "aug",
    "augusti", "august", "sep", "sept", "september", "okt", "oktober", "oct", "october", "nov",
    "november", "dec", "december",
}  # fmt: skip
_DATE = re.compile(r"(\d{4})(?:-\d{1,2}(?:-\d{1,2}(?:[T ].*)?)?)?")
_NAMED = re.compile(r"(?:\d{1,2}\.?\s+)?([^\W\d_]+)\.?,?\s+(\d{4})")


def year_in(text: str) -> str:
    """The year of a date written as above; other text as it is, for the form to refuse."""
    value = text.strip()
    date = _DATE.fullmatch(value)
    if date:
        return date.group(1)
    named = _NAMED.fullmatch(value)
    if named and named.group(1).casefold() in MONTHS:
        return named.group(2)
    return text
