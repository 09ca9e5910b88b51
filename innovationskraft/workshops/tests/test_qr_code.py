"""The presenter screen's QR code is a standalone SVG image that a browser draws."""

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from innovationskraft.core.testing.browser import sign_in

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.django_db
def test_the_qr_code_is_an_svg_document_with_its_namespace_and_size(client, facilitator, workshop):
    client.force_login(facilitator)
    response = client.get(reverse("workshops:qr", args=[workshop.slug]))
    assert response["Content-Type"] == "image/svg+xml"
    root = ElementTree.fromstring(response.content)
    assert root.tag == SVG + "svg"
    assert int(root.get("width")) > 0
    assert int(root.get("height")) > 0
    assert root.find(SVG + "title").text.endswith(workshop.join_code)


@pytest.mark.browser
def test_chromium_draws_the_qr_code_on_the_presenter_screen(
    page, live_server, facilitator, workshop
):
    sign_in(page, facilitator, live_server.url)
    page.goto(reverse("workshops:presenter", args=[workshop.slug]))
    image = page.locator("img.qr")
    image.wait_for()
    size = image.evaluate(
        """(img) => img.decode().then(() => [img.naturalWidth, img.naturalHeight],
                                      () => [0, 0])"""
    )
    assert size[0] > 0
    assert size[1] > 0
