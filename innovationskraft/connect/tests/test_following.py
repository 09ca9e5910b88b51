"""Following parts of the library: digests by e-mail through a real SMTP server (aiosmtpd),
and Atom feeds for anyone."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from innovationskraft.cases.models import Case, Term
from innovationskraft.connect.following import digests_sent
from innovationskraft.connect.models import Follow
from innovationskraft.core.testing.tasks import committed, run_worker

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def followed(client, user, frequency="daily", **filters) -> Follow:
    client.force_login(user)
    response = committed(
        client.post, reverse("connect:follow"), {**filters, "frequency": frequency}
    )
    assert response.status_code == 302
    return Follow.objects.filter(user=user).latest("id")


def digest(mailbox, frequency="daily") -> list:
    written = committed(digests_sent, frequency=frequency, now=timezone.now())
    run_worker()
    assert written == len(mailbox.messages)
    return mailbox.messages


def test_a_follower_gets_the_new_cases_of_an_organisation_once(
    client, other_editor, make_case, eskilstuna, mailbox
):
    make_case(title="Gammal nyhet", status=Case.Status.PUBLISHED)
    follow = followed(client, other_editor, organisation=eskilstuna.slug)
    assert follow.label == "Eskilstuna kommun"
    make_case(title="Digital nattillsyn", status=Case.Status.PUBLISHED)
    make_case(title="Ett utkast")

    [received] = digest(mailbox)
    assert received.recipients == [other_editor.email]
    assert "Digital nattillsyn" in received.text
    assert "Digital nattillsyn" in received.html
    assert "Gammal nyhet" not in received.text
    assert "Ett utkast" not in received.text
    assert str(received.message["List-Unsubscribe"]).strip().startswith("<http")

    mailbox.clear()
    assert digest(mailbox) == []  # nothing new since


def test_nothing_is_sent_when_nothing_is_new(client, other_editor, eskilstuna, mailbox):
    followed(client, other_editor, organisation=eskilstuna.slug)
    assert digest(mailbox) == []


def test_a_followed_search_tells_only_the_cases_with_its_words(
    client, other_editor, make_case, mailbox
):
    follow = followed(client, other_editor, q="återbruk")
    assert follow.filters == {"q": "återbruk"}
    make_case(title="Återbruksgalleria", status=Case.Status.PUBLISHED)
    make_case(
        title="Digital nattillsyn",
        summary="Kameror i hemtjänsten på natten.",
        status=Case.Status.PUBLISHED,
    )
    [received] = digest(mailbox)
    assert "Återbruksgalleria" in received.text
    assert "Digital nattillsyn" not in received.text


def test_a_followed_barrier_tells_the_cases_that_met_it(client, other_editor, make_case, mailbox):
    procurement = Term.objects.get(vocabulary="barrier", code="procurement")
    followed(client, other_editor, barrier="procurement")
    make_case(title="Upphandlad", status=Case.Status.PUBLISHED, barriers=[procurement])
    make_case(title="Utan hinder", status=Case.Status.PUBLISHED)
    [received] = digest(mailbox)
    assert "Upphandlad" in received.text
    assert "Utan hinder" not in received.text


def test_weekly_followers_wait_for_the_weekly_digest(
    client, other_editor, make_case, eskilstuna, mailbox
):
    followed(client, other_editor, frequency="weekly", organisation=eskilstuna.slug)
    make_case(title="Digital nattillsyn", status=Case.Status.PUBLISHED)
    assert digest(mailbox, "daily") == []
    assert len(digest(mailbox, "weekly")) == 1


def test_a_changed_case_comes_again(client, other_editor, make_case, eskilstuna, mailbox):
    case = make_case(title="Digital nattillsyn", status=Case.Status.PUBLISHED)
    followed(client, other_editor, organisation=eskilstuna.slug)
    digest(mailbox)
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now() + timedelta(seconds=1))
    later = timezone.now() + timedelta(seconds=2)
    assert digests_sent(frequency="daily", now=later) == 1


def test_following_the_same_again_changes_only_how_often(client, other_editor, eskilstuna):
    followed(client, other_editor, organisation=eskilstuna.slug)
    followed(client, other_editor, frequency="weekly", organisation=eskilstuna.slug)
    assert Follow.objects.get().frequency == "weekly"


def test_a_follower_stops_and_no_one_stops_for_her(client, other_editor, editor, eskilstuna):
    follow = followed(client, other_editor, organisation=eskilstuna.slug)
    client.force_login(editor)
    assert client.post(reverse("connect:unfollow", args=[follow.pk])).status_code == 404
    client.force_login(other_editor)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Eskilstuna kommun" in page
    client.post(reverse("connect:unfollow", args=[follow.pk]))
    assert not Follow.objects.exists()


def test_following_asks_to_sign_in_first(client, eskilstuna):
    response = client.get(f"{reverse('connect:follow')}?organisation={eskilstuna.slug}")
    assert response["Location"].startswith(reverse("accounts:login"))


def entries(response) -> list[str]:
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title", "") for entry in feed.iter(f"{ATOM}entry")]


def test_the_atom_feed_lists_the_newest_published_cases_with_the_lists_filters(
    client, make_case, vasteras
):
    make_case(title="Återbruksgalleria", status=Case.Status.PUBLISHED)
    make_case(
        title="Digital nattillsyn",
        summary="Kameror i hemtjänsten på natten.",
        status=Case.Status.PUBLISHED,
    )
    make_case(title="Återbruk i Västerås", status=Case.Status.PUBLISHED, organisation=vasteras)
    make_case(title="Återbruk, utkast")
    assert entries(client.get(reverse("search:feed"))) == [
        "Återbruk i Västerås",
        "Digital nattillsyn",
        "Återbruksgalleria",
    ]
    searched = client.get(reverse("search:feed"), {"q": "återbruk", "organisation": vasteras.slug})
    assert entries(searched) == ["Återbruk i Västerås"]
    organisation = client.get(reverse("search:organisation_feed", args=[vasteras.slug]))
    assert entries(organisation) == ["Återbruk i Västerås"]
    assert client.get(reverse("search:organisation_feed", args=["finns-inte"])).status_code == 404


def test_lists_and_organisation_pages_offer_the_feed_and_following(client, make_case, eskilstuna):
    make_case(title="Återbruksgalleria", status=Case.Status.PUBLISHED)
    search = client.get(reverse("search:results"), {"q": "återbruk"}).content.decode()
    assert f"{reverse('search:feed')}?q=%C3%A5terbruk" in search
    assert f"{reverse('connect:follow')}?q=%C3%A5terbruk" in search
    organisation = client.get(eskilstuna.get_absolute_url()).content.decode()
    assert reverse("search:organisation_feed", args=[eskilstuna.slug]) in organisation
    assert f"{reverse('connect:follow')}?organisation={eskilstuna.slug}" in organisation


def test_a_follow_is_named_as_the_list_names_its_filters(client, other_editor):
    follow = followed(client, other_editor, q="återbruk", stage="pilot", org_type="region")
    # The request was in Swedish, as the test is (conftest): the labels are the Swedish ones.
    assert follow.label == f"“återbruk”, Skede: {Case.Stage.PILOT.label}, Region"
