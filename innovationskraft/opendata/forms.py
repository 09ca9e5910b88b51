from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innovationskraft.opendata.formats import format_of

MEGABYTE = 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.jsonl,.ndjson"}),
    )
    skip_invalid = forms.BooleanField(
        label=gettext_lazy("Skip rows with errors and import the rest"),
        required=False,
        help_text=gettext_lazy("Otherwise nothing is imported while a row has errors."),
    )
    carry_long_summaries = forms.BooleanField(
        label=gettext_lazy("Carry a too-long summary into the description"),
        required=False,
        help_text=gettext_lazy(
            "A summary longer than 600 characters is shortened at a sentence's end, and the "
            "whole summary is put first in the description. Otherwise such a row has an error."
        ),
    )
    check_only = forms.BooleanField(
        label=gettext_lazy("Only check the file"),
        required=False,
        help_text=gettext_lazy("Nothing is written; you see every error the file has."),
    )

    def __init__(self, *args, upload_refused: bool = False, **kwargs):
        """`upload_refused`: the upload was dropped for its size before it was stored."""
        super().__init__(*args, **kwargs)
        if upload_refused:
            self.fields["file"].error_messages["required"] = _too_large()
        self.fields["file"].help_text = _(
            "CSV or JSON Lines (a name ending in .csv or .jsonl), at most %(size)d MB."
        ) % {"size": settings.OPEN_DATA_IMPORT_MAX_MB}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if format_of(upload.name) is None:
            raise forms.ValidationError(
                _("The file name must end in .csv or .jsonl."), code="format"
            )
        if upload.size > max_bytes():
            raise forms.ValidationError(_too_large(), code="too_large")
        return upload


def max_bytes() -> int:
    return settings.OPEN_DATA_IMPORT_MAX_MB * MEGABYTE


def _too_large() -> str:
    return _("The file is larger than %(size)d MB.") % {"size": settings.OPEN_DATA_IMPORT_MAX_MB}
