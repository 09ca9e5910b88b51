from django_tasks import task

from innovationskraft.connect.following import digests_sent
from innovationskraft.connect.models import Follow
from innovationskraft.connect.services import contact_messages_expired


@task()
def contact_messages_expire() -> int:
    """Scheduled: deletes the contact messages kept longer than CONTACT_MESSAGE_KEEP_DAYS."""
    return contact_messages_expired()


@task()
def daily_digests_send() -> int:
    """Scheduled: the digests of those who follow daily; returns how many were written."""
    return digests_sent(frequency=Follow.Frequency.DAILY)


@task()
def weekly_digests_send() -> int:
    return digests_sent(frequency=Follow.Frequency.WEEKLY)
