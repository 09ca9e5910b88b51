import pytest
from django.urls import reverse

from innovationskraft.accounts.models import User
from innovationskraft.connect.models import ContactMessage
from innovationskraft.core.models import OutgoingMail

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser(email="admin@example.org", password="x"))
    return client


def test_a_moderator_reads_a_reported_message_but_cannot_rewrite_it(admin_client, case):
    message = ContactMessage.objects.create(
        case=case, sender_name="Per Holm", sender_email="per@region.example", body="Köp nu!"
    )
    listing = admin_client.get(reverse("admin:connect_contactmessage_changelist"))
    assert "per@region.example" in listing.content.decode()
    url = reverse("admin:connect_contactmessage_change", args=[message.pk])
    admin_client.post(url, {"body": "ändrat"})
    message.refresh_from_db()
    assert message.body == "Köp nu!"
    assert admin_client.get(reverse("admin:connect_contactmessage_add")).status_code == 403


def test_the_outbox_shows_whether_a_mail_went_out(admin_client):
    OutgoingMail.objects.create(kind="contact", to=["a@b.se"], subject="En fråga", text="x")
    page = admin_client.get(reverse("admin:core_outgoingmail_changelist")).content.decode()
    assert "En fråga" in page
