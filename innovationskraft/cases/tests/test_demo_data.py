import json

import pytest
from django.core.management import CommandError, call_command

from innovationskraft.accounts.models import User
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.registry import DATA_DIR, national_organisations

pytestmark = pytest.mark.django_db


def test_the_demo_loads_the_whole_swedish_registry_and_published_cases():
    call_command("load_demo", verbosity=0)
    municipalities = Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)
    assert municipalities.count() == 290
    assert Organisation.objects.filter(kind=Organisation.Kind.REGION).count() == 21
    assert municipalities.get(official_code="0484").name == "Eskilstuna kommun"
    assert municipalities.get(official_code="0980").name == "Region Gotland"
    assert Case.objects.filter(status=Case.Status.PUBLISHED).count() == Case.objects.count() > 5


def test_the_demo_adds_its_cases_and_their_organisations_and_leaves_the_registry_alone():
    registry = Organisation.objects.filter(
        kind__in=[Organisation.Kind.MUNICIPALITY, Organisation.Kind.REGION]
    ).order_by("pk")
    before = list(registry.values())
    call_command("load_demo", verbosity=0)
    assert list(registry.values()) == before
    with open(DATA_DIR / "demo_cases.json", encoding="utf-8") as handle:
        cases = json.load(handle)["cases"]
    named = {
        reference["name"]
        for case in cases
        for reference in [case["lead"], *case.get("partners", [])]
        + [adoption["org"] for adoption in case.get("adopted_by", [])]
        if not reference.get("code")
    }
    national = {organisation.name for organisation in national_organisations()}
    # A national organisation the demo names is the one the registry has, not a second.
    assert Organisation.objects.filter(name__in=national).count() == len(national)
    others = Organisation.objects.exclude(pk__in=registry.values("pk")).exclude(name__in=national)
    assert set(others.values_list("name", flat=True)) == named - national


def test_loading_the_demo_twice_changes_nothing():
    call_command("load_demo", verbosity=0)
    before = (Organisation.objects.count(), Case.objects.count())
    call_command("load_demo", verbosity=0)
    assert (Organisation.objects.count(), Case.objects.count()) == before


def test_if_empty_leaves_a_library_with_cases_alone(capsys):
    call_command("load_demo", verbosity=0)
    Case.objects.filter(slug="trainstation").delete()
    call_command("load_demo", "--if-empty")
    assert not Case.objects.filter(slug="trainstation").exists()
    assert "already has cases" in capsys.readouterr().out


def test_demo_accounts_come_only_on_a_development_machine(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only with DEBUG"):
        call_command("load_demo", "--with-users", verbosity=0)
    settings.DEBUG = True
    call_command("load_demo", "--with-users", verbosity=0)
    editor = User.objects.get(email="redaktor@eskilstuna.example")
    assert editor.check_password("demo-innovationskraft")
    assert editor.memberships.get().organisation.official_code == "0484"
    assert User.objects.get(email="moderator@innovationskraft.example").is_moderator
