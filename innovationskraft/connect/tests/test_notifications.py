"""Notifications of the review loop and the spread of a case, through a real SMTP server
(aiosmtpd): who gets which mail, in which language, and turning a kind off with one click."""

import pytest
from django.test import Client

from innovationskraft.accounts.models import User
from innovationskraft.cases import services
from innovationskraft.cases.models import Case
from innovationskraft.connect.models import NotificationOptOut
from innovationskraft.core.testing.tasks import committed, run_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_case) -> Case:
    return make_case(title="Digital nattillsyn")


def submitted(draft, editor) -> None:
    committed(services.case_submit_for_review, actor=editor, case=draft)
    run_worker()


def to(mailbox, user) -> list:
    return [m for m in mailbox.messages if m.recipients == [user.email]]


def test_a_case_submitted_for_review_is_mailed_to_the_moderators(draft, editor, moderator, mailbox):
    submitted(draft, editor)
    [received] = to(mailbox, moderator)
    assert "Digital nattillsyn" in str(received.message["Subject"])
    assert draft.get_absolute_url() in received.text
    unsubscribe = str(received.message["List-Unsubscribe"]).strip()
    assert unsubscribe.startswith("<http")
    assert "/avregistrera/" in unsubscribe
    assert received.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not to(mailbox, editor)  # not to the one who submitted it


def test_a_decision_is_mailed_to_the_people_of_the_lead_organisation(
    draft, editor, moderator, mailbox
):
    submitted(draft, editor)
    committed(
        services.case_return_to_owner, actor=moderator, case=draft, comment="Lägg till effekter."
    )
    run_worker()
    [returned] = to(mailbox, editor)
    assert "Lägg till effekter." in returned.text

    draft.refresh_from_db()
    committed(services.case_submit_for_review, actor=editor, case=draft)
    committed(services.case_publish, actor=moderator, case=draft)
    run_worker()
    assert len(to(mailbox, editor)) == 2


def test_an_adoption_is_mailed_to_the_owning_organisation(
    make_case, editor, other_editor, vasteras, mailbox
):
    case = make_case(title="Fritidsbank", status=Case.Status.PUBLISHED)
    committed(services.adoption_record, actor=other_editor, case=case, organisation=vasteras)
    run_worker()
    [received] = to(mailbox, editor)
    assert "Västerås stad" in str(received.message["Subject"])
    assert not to(mailbox, other_editor)


def test_publishing_by_an_import_tells_no_one(make_case, editor, moderator, mailbox):
    committed(make_case, title="Importerad", status=Case.Status.PUBLISHED)
    run_worker()
    assert not mailbox.messages


def test_the_mail_is_written_in_the_recipients_language(draft, editor, moderator, mailbox):
    moderator.language = "en"
    moderator.save()
    submitted(draft, editor)
    [received] = to(mailbox, moderator)
    assert "waits for review" in str(received.message["Subject"])


def test_one_click_in_the_mail_program_turns_that_kind_off_and_only_that(
    draft, editor, moderator, mailbox, make_case, other_editor, vasteras
):
    submitted(draft, editor)
    url = str(to(mailbox, moderator)[0].message["List-Unsubscribe"]).strip().strip("<>")
    # A mail program posts without cookies or a form of ours (RFC 8058).
    one_click = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    assert NotificationOptOut.objects.filter(user=moderator).count() == 1

    mailbox.clear()
    other = make_case(title="Ännu en")
    committed(services.case_submit_for_review, actor=editor, case=other)
    run_worker()
    assert not to(mailbox, moderator)


def test_the_unsubscribe_page_asks_first_and_can_be_undone(
    client, draft, editor, moderator, mailbox
):
    submitted(draft, editor)
    url = to(mailbox, moderator)[0].link("/avregistrera/")
    page = client.get(url)
    assert page.status_code == 200
    assert not NotificationOptOut.objects.exists()
    client.post(url)
    assert NotificationOptOut.objects.filter(user=moderator).exists()
    client.post(url, {"again": "1"})
    assert not NotificationOptOut.objects.exists()


def test_a_forged_unsubscribe_link_does_nothing(client, moderator):
    response = client.post("/avregistrera/bm90LWEtdG9rZW4/")
    assert response.status_code == 400
    assert not NotificationOptOut.objects.exists()


def test_an_inactive_person_gets_no_notification(draft, editor, moderator, mailbox):
    User.objects.filter(pk=moderator.pk).update(is_active=False)
    submitted(draft, editor)
    assert not to(mailbox, moderator)


def test_a_published_case_tells_the_organisations_of_its_inspirations(
    make_case, editor, other_editor, vasteras, moderator, mailbox
):
    original = make_case(title="Fritidsbank", status=Case.Status.PUBLISHED)
    follower = make_case(title="Fritidsbank i Västerås", organisation=vasteras)
    follower.inspired_by.add(original)
    committed(services.case_submit_for_review, actor=other_editor, case=follower)
    committed(services.case_publish, actor=moderator, case=follower)
    run_worker()
    [told] = [m for m in to(mailbox, editor) if "Fritidsbank i Västerås" in m.text]
    assert "Fritidsbank i Västerås" in str(told.message["Subject"])
    assert str(told.message["List-Unsubscribe"]).strip().startswith("<http")
