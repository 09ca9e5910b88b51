"""The OpenAPI document's schemas as the documentation page shows them: each type in words,
and each named schema with its fields."""

import json
from dataclasses import dataclass
from typing import Any

Schema = dict[str, Any]


@dataclass(frozen=True)
class Type:
    text: str  # "string", "array of LinkOut", "string or null"...
    schema: str = ""  # the named schema it refers to, linked on the page


@dataclass(frozen=True)
class Field:
    name: str
    type: Type
    required: bool
    description: str
    where: str = ""  # in the path, the query string or a header: a parameter's
    header: bool = False


@dataclass(frozen=True)
class NamedSchema:
    name: str
    description: str
    properties: list[Field]


def ref_name(schema: Schema) -> str:
    return str(schema.get("$ref", "")).rsplit("/", 1)[-1]


def type_of(schema: Schema) -> Type:
    if "$ref" in schema:
        return Type(ref_name(schema), ref_name(schema))
    choices = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if choices:
        inner = type_of(choices[0])
        nullable = len(choices) < len(schema["anyOf"])
        return Type(inner.text + (" or null" if nullable else ""), inner.schema)
    if "const" in schema:
        return Type(json.dumps(schema["const"], ensure_ascii=False))
    if "enum" in schema:
        return Type(" | ".join(json.dumps(v, ensure_ascii=False) for v in schema["enum"]))
    if schema.get("type") == "array":
        inner = type_of(schema.get("items", {}))
        return Type(f"array of {inner.text}", inner.schema)
    return Type(str(schema.get("type", "any")))


def fields_of(schema: Schema) -> list[Field]:
    required = set(schema.get("required", []))
    return [
        Field(key, type_of(value), key in required, value.get("description", ""))
        for key, value in schema.get("properties", {}).items()
    ]


def schemas_of(document: Schema) -> list[NamedSchema]:
    return [
        NamedSchema(name, schema.get("description", ""), fields_of(schema))
        for name, schema in document.get("components", {}).get("schemas", {}).items()
    ]
