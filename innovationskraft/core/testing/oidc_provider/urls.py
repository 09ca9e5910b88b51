from django.contrib.auth.views import LoginView
from django.urls import include, path
from oauth2_provider import urls as oauth2_urls  # type: ignore[import-untyped]

# Only what an OpenID Connect sign-in uses: no application management, no client registration.
provider_urlpatterns = oauth2_urls.base_urlpatterns + oauth2_urls.oidc_urlpatterns

urlpatterns = [
    path("o/", include((provider_urlpatterns, "oauth2_provider"))),
    path("accounts/login/", LoginView.as_view(), name="login"),
]
