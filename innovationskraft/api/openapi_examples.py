"""Examples for the documentation page, made from the OpenAPI schemas: a value of each type,
and a curl command for each operation."""

import shlex
from typing import Any

Schema = dict[str, Any]
# Deep enough for a case with its links; a schema that names itself stops here.
DEPTH = 4
FORMATS = {"date": "2026-12-04", "date-time": "2026-12-04T10:00:00Z", "uri": "https://example.se/"}
PLACEHOLDERS = {"string": "…", "integer": 1, "number": 1.5, "boolean": True}


def example_of(
    schema: Schema, components: Schema, *, required_only: bool = False, depth: int = 0
) -> Any:
    """A value the schema allows; for a request body, only its required fields (or its first
    few, when none is required)."""
    if depth > DEPTH:
        return None
    if "$ref" in schema:
        target = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
        return example_of(target, components, required_only=required_only, depth=depth + 1)
    choices = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if choices:
        return example_of(choices[0], components, depth=depth + 1)
    for key in ("example", "const"):
        if key in schema:
            return schema[key]
    if schema.get("default") not in (None, ""):
        return schema["default"]
    if schema.get("enum"):
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "array":
        return [example_of(schema.get("items", {}), components, depth=depth + 1)]
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        names = list(properties)
        if required_only:
            names = [name for name in names if name in schema.get("required", [])] or names[:3]
        return {name: example_of(properties[name], components, depth=depth + 1) for name in names}
    if schema.get("format") in FORMATS:
        return FORMATS[schema["format"]]
    return PLACEHOLDERS.get(str(kind))


def curl_example(method: str, url: str, *, parameters: list, token: str, body: bool) -> str:
    """The command that makes the call, with the headers it needs, one option a line."""
    parts = ["curl"]
    if method != "get":
        parts.append(f"-X {method.upper()}")
    if token == "required":
        parts.append('-H "Authorization: Bearer $TOKEN"')
    for parameter in parameters:
        if parameter.header and parameter.required:
            parts.append(f"-H '{parameter.name}: \"…\"'")
    if body:
        parts.append("-H 'Content-Type: application/json' --data @body.json")
    parts.append(shlex.quote(url))
    return " \\\n  ".join(parts)
