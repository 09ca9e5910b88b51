"""Open data's tasks, run by a task worker (docs/tasks.md) rather than by the web process."""

from django_tasks import task

from innovationskraft.opendata import job_runner
from innovationskraft.opendata.models import ImportJob


@task()
def import_job_run(*, job_id: int, language: str) -> str:
    """Check and import the file of a job started on the admin page; returns the state the job
    ended in. A failed import fails its job, not the task: the job's page says what happened."""
    job_runner.import_job_run(job_id=job_id, language=language)
    return ImportJob.objects.values_list("state", flat=True).get(pk=job_id)
