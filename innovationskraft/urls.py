from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from innovationskraft.api.api import urls as api_urls
from innovationskraft.core import views as core_views
from innovationskraft.search import views as search_views

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v1/", api_urls()),
    # Single sign-on's start and the provider's way back (connect/sso.py): one address in
    # every language, as the provider has it registered.
    path("oidc/", include("mozilla_django_oidc.urls")),
]
urlpatterns += i18n_patterns(
    # The home page draws on the highest app it shows; its name stays when it moves up.
    path("", search_views.home, name="home"),
    path("", include("innovationskraft.cases.urls")),
    path("", include("innovationskraft.search.urls")),
    path("", include("innovationskraft.workshops.urls")),
    path("", include("innovationskraft.opendata.urls")),
    path("", include("innovationskraft.connect.urls")),
    path("", include("innovationskraft.insights.urls")),
    path("", include("innovationskraft.core.urls")),
    path("konto/", include("innovationskraft.accounts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
