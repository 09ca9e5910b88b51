"""Path converters of the API's addresses."""

from django.urls import register_converter


class AnyText:
    """Any text, "/" and line breaks included: identifiers come from other catalogues too.
    (Django's own `path` converter stops at a line break, which would make such an address
    an unknown route instead of a case that is not found.)"""

    regex = r"[\s\S]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(AnyText, "anytext")
