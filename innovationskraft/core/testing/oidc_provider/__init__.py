"""A real OpenID Connect provider (django-oauth-toolkit) for the tests, run in its own process
by innovationskraft.core.testing.oidc: a Django project of its own, apart from the site's."""
