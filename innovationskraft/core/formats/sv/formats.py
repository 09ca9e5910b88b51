# Dates are written out the same way on every page and in both languages: "4 december 2026".
# Templates use the date filter without a format of their own (see core/tests/test_dates.py).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
