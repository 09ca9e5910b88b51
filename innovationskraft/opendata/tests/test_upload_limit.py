"""The import page refuses a file over OPEN_DATA_IMPORT_MAX_MB before any of it is stored:
from the request's length when it says so, or once the bytes received pass the limit."""

import pytest
from django.core.files.uploadhandler import FileUploadHandler
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from innovationskraft.opendata.forms import MEGABYTE
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.tests.importpage import (  # noqa: F401 - fixtures
    PASSWORD,
    csv_text,
    import_dir,
    importer,
    row,
    start,
    upload,
)

pytestmark = pytest.mark.django_db
RECEIVED: list[int] = []


class Recorder(FileUploadHandler):
    """Stands before Django's own handlers, which keep a file in memory or a temporary file:
    what reaches it would be stored."""

    def receive_data_chunk(self, raw_data, start):
        RECEIVED.append(len(raw_data))
        return raw_data

    def file_complete(self, file_size):
        return None


@pytest.fixture
def recorded(settings):
    RECEIVED.clear()
    settings.FILE_UPLOAD_HANDLERS = [
        f"{__name__}.Recorder",
        *settings.FILE_UPLOAD_HANDLERS,
    ]
    settings.OPEN_DATA_IMPORT_MAX_MB = 1
    return RECEIVED


@pytest.fixture
def signed_in(client, importer):  # noqa: F811
    client.force_login(importer)
    return client


def big_file(size: int) -> str:
    text = csv_text(row("opsi-1"))
    return text + "#" * (size - len(text))


def refused_message() -> str:
    return escape(gettext("The file is larger than %(size)d MB.") % {"size": 1})


def test_a_file_far_over_the_limit_is_refused_before_a_byte_of_it_is_read(signed_in, recorded):
    response = start(signed_in, big_file(3 * MEGABYTE))

    assert response.status_code == 200
    assert refused_message() in response.content.decode()
    assert recorded == [], "no byte of the file reached a handler that stores"
    assert ImportJob.objects.count() == 0


def test_a_file_just_over_the_limit_is_dropped_once_its_bytes_pass_it(
    signed_in,
    recorded,
    import_dir,  # noqa: F811
):
    response = start(signed_in, big_file(MEGABYTE + 10))

    assert refused_message() in response.content.decode()
    assert sum(recorded) <= MEGABYTE, "the chunk that passes the limit goes no further"
    assert ImportJob.objects.count() == 0
    assert not import_dir.exists() or list(import_dir.iterdir()) == []


def test_a_file_within_the_limit_is_taken(signed_in, recorded):
    text = big_file(MEGABYTE - 1000)
    response = signed_in.post(reverse("admin:cases_case_import"), {"file": upload(text)})
    assert response.status_code == 302
    assert sum(recorded) == len(text.encode())
    assert ImportJob.objects.get().file_name == "fall.csv"


def test_the_upload_still_needs_the_form_token(importer):  # noqa: F811
    client = Client(enforce_csrf_checks=True)
    client.login(email=importer.email, password=PASSWORD)
    response = client.post(
        reverse("admin:cases_case_import"), {"file": upload(csv_text(row("opsi-1")))}
    )
    assert response.status_code == 403
    assert ImportJob.objects.count() == 0
