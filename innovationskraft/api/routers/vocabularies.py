from typing import Any

from django.http import HttpRequest
from ninja import Router

from innovationskraft.api import selectors
from innovationskraft.api.auth import OPTIONAL_TOKEN
from innovationskraft.api.errors import not_found
from innovationskraft.api.outputs import term_out, vocabulary_out
from innovationskraft.api.routers import reads
from innovationskraft.api.schemas import VocabularyDetailOut, VocabularyOut
from innovationskraft.cases.models import Vocabulary

router = Router(tags=["vocabularies"])


@router.get(
    "",
    response={200: list[VocabularyOut], **reads()},
    summary="The controlled vocabularies",
    openapi_extra=OPTIONAL_TOKEN,
)
def vocabulary_list(request: HttpRequest) -> list[dict[str, Any]]:
    counts = selectors.term_counts()
    return [vocabulary_out(code, counts.get(code, 0)) for code in Vocabulary.values]


@router.get(
    "/{vocabulary}",
    response={200: VocabularyDetailOut, **reads(404)},
    summary="One vocabulary with its terms",
    description="Codes never change; barriers and enablers have a parent code.",
    openapi_extra=OPTIONAL_TOKEN,
)
def vocabulary_detail(request: HttpRequest, vocabulary: str) -> dict[str, Any]:
    if vocabulary not in Vocabulary.values:
        raise not_found()
    terms = selectors.vocabulary_terms(vocabulary)
    return vocabulary_out(vocabulary, len(terms)) | {"terms": [term_out(t) for t in terms]}
