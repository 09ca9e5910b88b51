"""Changes to published cases in the review loop's mail: a change waiting for review and a
trusted organisation's change reach the moderators, the decision reaches the case's people."""

import pytest

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import Case, PendingRevision
from innovationskraft.core.testing.tasks import committed, run_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(make_case) -> Case:
    return make_case(title="Digital nattillsyn", status=Case.Status.PUBLISHED)


def renamed(case: Case):
    data = input_from_case(case)
    data.title = "Digital tillsyn nattetid"
    return data


def to(mailbox, user) -> list:
    return [m for m in mailbox.messages if m.recipients == [user.email]]


def test_a_change_waiting_for_review_is_mailed_to_the_moderators(
    published, editor, moderator, mailbox
):
    committed(services.case_edit, actor=editor, case=published, data=renamed(published))
    run_worker()

    [received] = to(mailbox, moderator)
    assert "Digital nattillsyn" in str(received.message["Subject"])
    assert f"/innovationer/{published.slug}/granska-andring/" in received.text
    assert not to(mailbox, editor)


def test_a_returned_change_is_mailed_to_the_editors_with_the_comment(
    published, editor, moderator, mailbox
):
    committed(services.case_edit, actor=editor, case=published, data=renamed(published))
    pending = PendingRevision.objects.get(case=published)
    committed(
        services.pending_revision_return, actor=moderator, pending=pending, comment="Kortare."
    )
    run_worker()

    [returned] = to(mailbox, editor)
    assert "Kortare." in returned.text
    assert "skickats tillbaka" in returned.text


def test_a_trusted_organisations_change_is_mailed_to_the_moderators(
    published, editor, moderator, eskilstuna, mailbox
):
    services.organisation_set_trusted(actor=moderator, organisation=eskilstuna, trusted=True)
    committed(services.case_edit, actor=editor, case=published, data=renamed(published))
    run_worker()

    [received] = to(mailbox, moderator)
    assert "betrodd" in str(received.message["Subject"])
