from django.http import HttpRequest


def site_root(request: HttpRequest) -> str:
    """The site's scheme and host as the request reached it, without a closing slash: what
    absolute addresses in exports, reports and API answers start with."""
    return request.build_absolute_uri("/").rstrip("/")
