from django.db import models


class LibraryVersion(models.Model):
    """One row whose token changes with every change to the published library, inside the
    writing transaction: what is computed from the library (facet counts, the search columns)
    is kept under the token and recomputed when it differs. A random token rather than a
    counter, so that a rolled-back change never gives a token already seen with other data."""

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token
