"""axe-core in headless Chromium on every page type, in both languages.

Each feature adds its pages to PAGES. A page is a name, a path (Swedish URL; the English one
is the same under /en) and an optional setup that creates what the page needs."""

import pytest

from innovationskraft.cases.demo import demo_load
from innovationskraft.core.testing.axe import axe_violations, describe

pytestmark = pytest.mark.browser

PAGES = [
    ("home-empty", "/", None),
    ("home", "/", demo_load),
    ("login", "/konto/logga-in/", None),
    ("not-found", "/finns-inte/", None),
]


@pytest.mark.parametrize("language_prefix", ["", "/en"], ids=["sv", "en"])
@pytest.mark.parametrize(("name", "path", "setup"), PAGES, ids=[p[0] for p in PAGES])
def test_the_page_has_no_wcag_21_aa_violations(page, name, path, setup, language_prefix):
    if setup:
        setup()
    page.goto(language_prefix + path)
    violations = axe_violations(page)
    assert violations == [], f"{name}{language_prefix}:\n{describe(violations)}"


def test_the_checker_really_finds_violations(page):
    page.goto("/")
    page.evaluate("document.querySelector('main').innerHTML += '<img src=\"x.png\">'")
    ids = [violation["id"] for violation in axe_violations(page)]
    assert "image-alt" in ids
