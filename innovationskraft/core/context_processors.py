from django.conf import settings
from django.urls import translate_url


def site(request):
    """The site name and, for the language switcher, this page's address in each language."""
    path = request.get_full_path()
    return {
        "site_name": settings.SITE_NAME,
        "language_links": [
            {"code": code, "name": name, "url": translate_url(path, code)}
            for code, name in settings.LANGUAGES
        ],
    }
