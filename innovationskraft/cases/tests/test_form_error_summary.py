import pytest
from django.urls import reverse
from reversion.models import Version

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import Term

pytestmark = pytest.mark.django_db


def test_each_error_summary_link_points_at_something_that_takes_focus(client, editor):
    client.force_login(editor)
    barrier = Term.objects.get(vocabulary="barrier", code="procurement")
    response = client.post(
        reverse("cases:create"), {"summary": "Kort", "barriers": ["999999", barrier.pk]}
    )
    html = response.content.decode()
    assert 'href="#id_title"' in html
    assert 'href="#id_stage_0"' in html
    assert 'id="id_stage_0"' in html
    assert 'href="#id_barriers"' in html
    assert 'id="id_barriers" tabindex="-1"' in html


def test_the_word_difference_is_spoken_not_only_coloured(client, make_case, editor):
    case = make_case(status="published", summary="Gammal text om återbruk")
    data = input_from_case(case)
    data.summary = "Ny text om återbruk"
    services.case_update(actor=None, case=case, data=data)
    newest = Version.objects.get_for_object(case).first()
    html = client.get(reverse("cases:version", args=[case.slug, newest.pk])).content.decode()
    assert '<span class="visually-hidden">[tillagt:</span>Ny' in html
    assert '<span class="visually-hidden">[borttaget:</span>Gammal' in html
