"""Web addresses as catalogues write them: one that is not an address may hold one
("backend\uff1ahttps://…", with a full-width colon, as a record of the DPG registry has it)."""

import re
from typing import cast

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from innovationskraft.cases.models import CaseLink

URL_LENGTH = cast(int, CaseLink._meta.get_field("url").max_length)
EMBEDDED_URL = re.compile(r"https?://\S+")
_is_url = URLValidator(schemes=["http", "https"])


def web_address(raw: str) -> str | None:
    """The web address a case link may have, or the one inside the text; None when neither."""
    for candidate in [raw, *EMBEDDED_URL.findall(raw)]:
        if len(candidate) > URL_LENGTH:
            continue
        try:
            _is_url(candidate)
        except ValidationError:
            continue
        return candidate
    return None
