"""The import page's upload, refused as soon as it is known to be too large: from the
request's length before a byte of it is read, or once the bytes received pass the limit. No
part of such a file reaches a temporary file, memory beyond a chunk, or the job's storage."""

from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, QueryDict
from django.utils.datastructures import MultiValueDict

# Room in the request for the form's other fields and the multipart boundaries.
FORM_ALLOWANCE = 64 * 1024


class UploadLimit(FileUploadHandler):
    """The first upload handler of the request: `refused` says whether it dropped the file."""

    def __init__(self, request: HttpRequest, *, max_bytes: int) -> None:
        super().__init__(request)
        self.max_bytes = max_bytes
        self.refused = False
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > self.max_bytes + FORM_ALLOWANCE:
            self.refused = True
            # Nothing of the body is read: the form gets no fields and no file.
            return QueryDict(), MultiValueDict()
        return None

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            # The handlers after this one close and delete what they hold of the file.
            self.refused = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
