"""The OpenAPI document as the documentation page shows it: the operations grouped by tag,
each with its parameters, body, answers and examples (the schemas: openapi_schemas.py)."""

import json
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from innovationskraft.api.openapi_examples import curl_example, example_of
from innovationskraft.api.openapi_schemas import Field, fields_of, ref_name, type_of

Schema = dict[str, Any]
METHODS = ("get", "post", "put", "patch", "delete")
WHERE = {"path": _("in the path"), "query": _("in the query string"), "header": _("as a header")}


@dataclass(frozen=True)
class Answer:
    status: str
    description: str
    schema: str


@dataclass
class Operation:
    anchor: str
    method: str
    path: str
    summary: str
    description: str
    token: str  # "required", "optional"
    parameters: list[Field]
    body: str  # the request body's named schema
    body_description: str
    body_fields: list[Field]  # of a body whose schema has no name of its own
    body_example: str
    answers: list[Answer]
    request_example: str
    answer_example: str


@dataclass
class Tag:
    name: str
    description: str
    operations: list[Operation] = field(default_factory=list)


def _body_schema(operation: Schema) -> Schema:
    content = operation.get("requestBody", {}).get("content", {})
    return content.get("application/json", {}).get("schema", {})


def _answer_schema(answer: Schema) -> Schema:
    return answer.get("content", {}).get("application/json", {}).get("schema", {})


def _token(operation: Schema) -> str:
    security = operation.get("security", [])
    return "optional" if {} in security else "required" if security else ""


def _operation(method: str, path: str, raw: Schema, components: Schema, base: str) -> Operation:
    parameters = [
        Field(
            p["name"],
            type_of(p.get("schema", {})),
            bool(p.get("required")),
            p.get("description", ""),
            str(WHERE.get(p["in"], p["in"])),
            header=p["in"] == "header",
        )
        for p in raw.get("parameters", [])
    ]
    body = _body_schema(raw)
    inline = body if body and "$ref" not in body else {}
    answers = raw.get("responses", {})
    success: Schema = next((answers[code] for code in ("200", "201") if code in answers), {})
    success_schema = _answer_schema(success)
    return Operation(
        anchor=raw.get("operationId", f"{method}-{path}"),
        method=method.upper(),
        path=path,
        summary=raw.get("summary", ""),
        description=raw.get("description", ""),
        token=_token(raw),
        parameters=parameters,
        body=ref_name(body),
        body_description=inline.get("description", ""),
        body_fields=fields_of(inline),
        body_example=_json(example_of(body, components, required_only=True)) if body else "",
        answers=[
            Answer(code, answer.get("description", ""), ref_name(_answer_schema(answer)))
            for code, answer in sorted(answers.items())
        ],
        request_example=curl_example(
            method, base + path, parameters=parameters, token=_token(raw), body=bool(body)
        ),
        answer_example=_json(example_of(success_schema, components)) if success_schema else "",
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def tags_of(document: Schema, *, base: str) -> list[Tag]:
    """The document's tags in its order, each with its operations in the order of paths."""
    tags = {tag["name"]: Tag(tag["name"], tag.get("description", "")) for tag in document["tags"]}
    components = document.get("components", {}).get("schemas", {})
    for path, operations in document["paths"].items():
        for method in METHODS:
            if method in operations:
                raw = operations[method]
                name = (raw.get("tags") or ["other"])[0]
                tag = tags.setdefault(name, Tag(name, ""))
                tag.operations.append(_operation(method, path, raw, components, base))
    return [tag for tag in tags.values() if tag.operations]
