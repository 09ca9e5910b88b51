"""The import page in the admin: upload a file, follow its job, see the outcome. Each upload
queues a task that the test's worker runs before the job page is read (importpage.start);
test_import_jobs.py has the queue and the worker themselves."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

from innovationskraft.cases.models import Case
from innovationskraft.cases.selectors import published_cases
from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures
    eskilstuna,
    make_case,
    moderator,
)
from innovationskraft.opendata.exports import EXPORTS
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.progress import ProgressReporter
from innovationskraft.opendata.tests.importpage import (  # noqa: F401 - fixtures
    committed,
    csv_text,
    import_dir,
    importer,
    job_url,
    last_job,
    row,
    run_worker,
    staff_without_permission,
    start,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, importer, eskilstuna):  # noqa: F811 - fixtures as parameters
    client.force_login(importer)
    return client


BAD_ROWS = csv_text(
    row("ok-1"),
    row("bad-1", title="", stage="someday"),
    row("ok-2"),
    row("bad-2", lead_organisation="no-such-organisation"),
)


def refusal(count: int) -> str:
    return ngettext(
        "%(count)d row has errors; nothing was imported.",
        "%(count)d rows have errors; nothing was imported.",
        count,
    ) % {"count": count}


def test_the_case_list_links_to_the_import_page(admin_client):
    response = admin_client.get(reverse("admin:cases_case_changelist"))
    assert reverse("admin:cases_case_import") in response.content.decode()


def test_the_upload_page_explains_the_format_and_links_the_open_data_page(admin_client):
    response = admin_client.get(reverse("admin:cases_case_import"))
    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="{reverse("opendata:index")}"' in page
    assert escape(gettext("Skip rows with errors and import the rest")) in page
    assert escape(gettext("Only check the file")) in page
    assert 'for="id_file"' in page


def test_a_valid_csv_creates_the_cases_and_the_job_page_says_so(admin_client, importer):  # noqa: F811 - fixtures
    response = start(admin_client, csv_text(row("opsi-1"), row("opsi-2")))
    job = last_job()
    assert response.request["PATH_INFO"] == job_url(job)
    assert set(Case.objects.values_list("identifier", flat=True)) == {"opsi-1", "opsi-2"}
    assert Case.objects.get(identifier="opsi-1").status == Case.Status.PUBLISHED
    assert (job.state, job.total_rows, job.cases_created, job.cases_updated) == ("done", 2, 2, 0)
    assert job.started_by == importer
    assert job.finished_at is not None
    page = response.content.decode()
    assert 'role="status"' in page
    assert "hx-trigger" not in page, "a finished job is not polled"
    assert escape(gettext("Cases created")) in page


def test_a_file_with_bad_rows_imports_nothing_and_shows_every_error(admin_client):
    response = start(admin_client, BAD_ROWS)
    job = last_job()
    assert Case.objects.count() == 0
    assert job.state == ImportJob.State.REFUSED
    assert job.invalid_rows == 2
    assert {(e["row"], e["field"]) for e in job.errors} == {
        (3, "title"),
        (3, "stage"),
        (5, "lead_organisation"),
    }
    page = response.content.decode()
    assert escape(refusal(2)) in page
    for error in job.errors:
        assert f"<td>{error['row']}</td><td><code>{error['field']}</code></td>" in page
    assert '<th scope="col">' in page


def test_skipping_bad_rows_imports_the_valid_ones_and_counts_the_skipped(admin_client):
    response = start(admin_client, BAD_ROWS, skip_invalid=True)
    job = last_job()
    assert set(Case.objects.values_list("identifier", flat=True)) == {"ok-1", "ok-2"}
    assert (job.state, job.cases_created, job.rows_skipped) == ("done", 2, 2)
    assert len(job.errors) == 3, "the skipped rows' errors are still shown"
    assert escape(gettext("Rows skipped")) in response.content.decode()


def test_only_checking_writes_nothing_and_offers_to_import(admin_client, import_dir):  # noqa: F811 - fixtures
    response = start(admin_client, BAD_ROWS, check_only=True)
    job = last_job()
    assert Case.objects.count() == 0
    assert (job.state, job.total_rows, job.invalid_rows, job.valid_rows) == ("done", 4, 2, 2)
    assert job.upload, "the checked file is kept to import after all"
    assert len(list(import_dir.iterdir())) == 1
    assert job_url(job, "cases_case_import_again") in response.content.decode()


def test_a_refused_file_can_be_imported_again_skipping_the_bad_rows(admin_client, import_dir):  # noqa: F811 - fixtures
    start(admin_client, BAD_ROWS)
    refused = last_job()
    response = committed(
        admin_client.post, job_url(refused, "cases_case_import_again"), {"skip_invalid": "1"}
    )
    run_worker()
    again = last_job()
    assert again.pk != refused.pk
    assert response["Location"] == job_url(again)
    assert (again.state, again.cases_created, again.rows_skipped) == ("done", 2, 2)
    assert Case.objects.count() == 2
    refused.refresh_from_db()
    assert not refused.upload
    assert not again.upload
    assert list(import_dir.iterdir()) == [], "the file is deleted once imported"


def test_a_file_no_longer_kept_cannot_be_imported_again(admin_client):
    start(admin_client, csv_text(row("opsi-1")))
    done = last_job()
    response = admin_client.post(
        job_url(done, "cases_case_import_again"), {"skip_invalid": "1"}, follow=True
    )
    assert (
        escape(gettext("The file is no longer kept; upload it again.")) in response.content.decode()
    )
    assert ImportJob.objects.count() == 1


def test_an_unreadable_file_is_refused_with_a_clear_message(admin_client):
    response = start(admin_client, "namn;sammanfattning\r\nx;y\r\n".encode("utf-16"))
    job = last_job()
    assert job.state == ImportJob.State.REFUSED
    assert job.message == gettext(
        "The file is saved as UTF-16 (in Excel, “Unicode text”). Save it as “CSV UTF-8” and "
        "import it again."
    )
    assert not job.upload
    assert escape(job.message) in response.content.decode()
    assert Case.objects.count() == 0


def test_a_file_without_a_known_suffix_is_not_accepted(admin_client):
    response = start(admin_client, csv_text(row("opsi-1")), name="fall.xlsx")
    assert response.status_code == 200
    assert escape(gettext("The file name must end in .csv or .jsonl.")) in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_a_file_above_the_size_limit_is_not_accepted(admin_client, settings):
    settings.OPEN_DATA_IMPORT_MAX_MB = 0
    response = start(admin_client, csv_text(row("opsi-1")))
    expected = gettext("The file is larger than %(size)d MB.") % {"size": 0}
    assert escape(expected) in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_every_error_downloads_as_csv(admin_client):
    start(admin_client, BAD_ROWS)
    response = admin_client.get(job_url(last_job(), "cases_case_import_errors"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "row;field;code;message;value;level"
    assert [line.split(";")[:2] for line in lines[1:]] == [
        ["3", "title"],
        ["3", "stage"],
        ["5", "lead_organisation"],
    ]


def test_the_page_shows_the_first_hundred_errors_and_links_the_rest(admin_client):
    start(admin_client, csv_text(*(row(f"bad-{n}", stage="someday") for n in range(120))))
    job = last_job()
    response = admin_client.get(job_url(job))
    page = response.content.decode()
    assert page.count("<td><code>stage</code></td>") == 100
    assert job_url(job, "cases_case_import_errors") in page
    assert len(job.errors) == 120


def test_staff_who_may_add_but_not_change_cases_is_refused(client, staff_without_permission):  # noqa: F811 - fixtures
    adding = Permission.objects.filter(codename__in=["add_case", "view_case"])
    staff_without_permission.user_permissions.add(*adding)
    client.force_login(staff_without_permission)
    assert client.get(reverse("admin:cases_case_import")).status_code == 403


def test_a_staff_user_without_the_permission_is_refused(client, staff_without_permission):  # noqa: F811 - fixtures
    client.force_login(staff_without_permission)
    assert client.get(reverse("admin:cases_case_import")).status_code == 403
    job = ImportJob.objects.create(file_name="x.csv", file_format="csv")
    assert client.get(job_url(job)).status_code == 403


def test_a_user_who_is_not_staff_is_sent_to_the_admin_sign_in(client, importer):  # noqa: F811 - fixtures
    importer.is_staff = False
    importer.save()
    client.force_login(importer)
    response = client.get(reverse("admin:cases_case_import"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_another_importers_job_is_not_found(client, importer, staff_without_permission):  # noqa: F811 - fixtures
    job = ImportJob.objects.create(
        file_name="x.csv", file_format="csv", started_by=staff_without_permission
    )
    client.force_login(importer)
    assert client.get(job_url(job)).status_code == 404


def test_the_progress_fragment_shows_the_progress_from_the_cache(admin_client, importer):  # noqa: F811 - fixtures
    job = ImportJob.objects.create(
        file_name="fall.csv", file_format="csv", started_by=importer, state="importing"
    )
    ProgressReporter(job.pk).report("cases", 40, 160)
    response = admin_client.get(
        job_url(job, "cases_case_import_progress") + "?state=importing", HTTP_HX_REQUEST="true"
    )
    fragment = response.content.decode()
    assert '<progress id="import-progress-bar" max="100" value="25"' in fragment
    assert escape(gettext("Writing the cases")) in fragment
    assert 'hx-trigger="every 1s"' in fragment
    assert "hx-swap-oob" not in fragment, "the state has not changed: nothing to announce"


def test_the_fragment_of_a_finished_job_stops_polling_and_brings_the_outcome(admin_client):
    start(admin_client, BAD_ROWS)
    job = last_job()
    response = admin_client.get(
        job_url(job, "cases_case_import_progress") + "?state=importing", HTTP_HX_REQUEST="true"
    )
    fragment = response.content.decode()
    assert "hx-trigger" not in fragment
    assert f'<p id="import-state" hx-swap-oob="innerHTML">{escape(refusal(2))}</p>' in fragment
    assert '<div id="import-outcome" hx-swap-oob="true">' in fragment
    assert "<td><code>stage</code></td>" in fragment


def test_a_job_no_worker_has_taken_says_it_waits_for_one(admin_client, importer):  # noqa: F811
    job = ImportJob.objects.create(file_name="fall.csv", file_format="csv", started_by=importer)
    waiting = gettext(
        "Waiting for a worker: no task worker has taken the import yet. It starts by itself "
        "as soon as one runs; if it keeps waiting, ask whoever runs the site to start one."
    )
    assert escape(waiting) not in admin_client.get(job_url(job)).content.decode()

    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=1))
    assert escape(waiting) in admin_client.get(job_url(job)).content.decode()
    fragment = admin_client.get(
        job_url(job, "cases_case_import_progress") + "?state=waiting", HTTP_HX_REQUEST="true"
    ).content.decode()
    assert f'<p id="import-state" hx-swap-oob="innerHTML">{escape(waiting)}</p>' in fragment
    assert escape(gettext("Waiting for a worker")) in fragment
    assert 'hx-trigger="every 1s"' in fragment, "the page goes on asking"
    assert "?state=waiting-for-worker" in fragment, "and announces the sentence once"


def test_without_htmx_the_fragment_sends_to_the_job_page(admin_client, importer):  # noqa: F811 - fixtures
    job = ImportJob.objects.create(file_name="fall.csv", file_format="csv", started_by=importer)
    response = admin_client.get(job_url(job, "cases_case_import_progress"))
    assert response.status_code == 302
    assert response["Location"] == job_url(job)


def test_the_open_data_export_imports_back_through_the_page(admin_client, make_case):  # noqa: F811
    case = make_case(status="published", title="Återbruksgalleria")
    exported = "".join(EXPORTS["csv"].lines(published_cases(), base_url="https://ik.example"))
    case.title = "Ändrad titel"
    case.save()
    start(admin_client, exported)
    job = last_job()
    assert (job.state, job.cases_created, job.cases_updated) == ("done", 0, 1)
    case.refresh_from_db()
    assert case.title == "Återbruksgalleria"


def test_the_job_list_links_each_job_to_its_page(admin_client, importer):  # noqa: F811
    job = ImportJob.objects.create(file_name="fall.csv", file_format="csv", started_by=importer)
    importer.user_permissions.add(Permission.objects.get(codename="view_importjob"))
    response = admin_client.get(reverse("admin:opendata_importjob_changelist"))
    assert f'<a href="{job_url(job)}">fall.csv</a>' in response.content.decode()
