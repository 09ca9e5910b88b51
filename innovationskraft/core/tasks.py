"""The site's own work for the task worker (docs/tasks.md): sending e-mail."""

from django_tasks import task

from innovationskraft.core.mail import mail_deliver, outbox_flush


@task()
def mail_send(mail_id: int) -> str:
    return mail_deliver(mail_id=mail_id)


@task()
def mail_outbox_flush() -> int:
    """Scheduled (core/schedule.py): the mails due to be tried again."""
    return outbox_flush()
