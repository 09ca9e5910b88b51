from django_tasks import task

from innovationskraft.workshops.services.retention import participants_forget


@task()
def workshop_participants_forget() -> int:
    """Scheduled: removes who took part in the workshops closed longer than
    WORKSHOP_PARTICIPANT_KEEP_DAYS ago; returns how many participants were forgotten."""
    return participants_forget()
