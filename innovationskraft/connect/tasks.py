from django_tasks import task

from innovationskraft.connect.services import contact_messages_expired


@task()
def contact_messages_expire() -> int:
    """Scheduled: deletes the contact messages kept longer than CONTACT_MESSAGE_KEEP_DAYS."""
    return contact_messages_expired()
