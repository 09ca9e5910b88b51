from django.db import models


class IndexedWord(models.Model):
    """The words the index holds, for lookups by their first letters: the terms, to join two
    query words into a compound the library uses ("dela data" → "datadelning"), and the words
    without å, ä and ö, to correct a misspelt one. Never shown, and a word that is no longer in
    any case only costs a lookup that finds nothing."""

    class Kind(models.TextChoices):
        TERM = "t"
        FOLDED = "f"

    kind = models.CharField(max_length=1, choices=Kind.choices)
    word = models.CharField(max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "word"], name="unique_indexed_word")]

    def __str__(self) -> str:
        return self.word


class CaseVector(models.Model):
    """A published case's embedding (multilingual-e5-small, 384 float32 numbers, normalised),
    computed by a task after the case changed (see embeddings.py). `digest` is of the text it
    was computed from: a change that leaves the text alone needs no new vector. Rows are
    replaced, never updated, so the ever-growing id tells a process which rows it has not
    read yet."""

    case_id = models.IntegerField(unique=True)
    # The case's language: search takes out what the vectors of one language share.
    language = models.CharField(max_length=2, default="")
    model = models.CharField(max_length=40)
    digest = models.CharField(max_length=32)
    vector = models.BinaryField()

    def __str__(self) -> str:
        return f"{self.case_id} ({self.model})"
