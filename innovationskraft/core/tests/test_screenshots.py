"""Screenshots at phone and desktop width, for a person to look at (git-ignored folder)."""

import pytest

from innovationskraft.cases.demo import demo_load

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}
PAGES = {"home": "/", "home-en": "/en/", "login": "/konto/logga-in/", "not-found": "/finns-inte/"}


def test_it_saves_screenshots_of_the_main_pages(page, screenshot_dir):
    demo_load()
    for device, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        for name, path in PAGES.items():
            page.goto(path)
            target = screenshot_dir / f"{name}-{device}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 5_000
