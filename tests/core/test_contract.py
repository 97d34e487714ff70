"""The contract: openapi.json is generated from the code, committed, and bounded."""

from __future__ import annotations

import json
from typing import Any

from api.cli import openapi_json
from api.config import ROOT


def test_committed_openapi_matches_the_code():
    committed = json.loads((ROOT / "openapi.json").read_text())
    generated = json.loads(openapi_json())
    assert committed == generated, "openapi.json is stale: run `make openapi` and commit the result"


def _walk(node: Any, components: dict[str, Any], path: str, seen: set[str]):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref:
            name = ref.rsplit("/", 1)[-1]
            if name not in seen:
                seen.add(name)
                yield from _walk(components[name], components, f"{path}->{name}", seen)
            return
        if node.get("type") == "string" and "enum" not in node and "const" not in node and \
                node.get("format") not in ("uuid", "date", "date-time", "binary", "email", "time"):
            yield ("string", path, node)
        if node.get("type") == "array":
            yield ("array", path, node)
        for key, value in node.items():
            yield from _walk(value, components, f"{path}.{key}", seen)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, components, f"{path}[{i}]", seen)


def test_every_input_string_and_array_is_bounded():
    """API4 (resource consumption): every string a client sends has a maxLength and every
    array a maxItems, so no request can make the server chew on unbounded input."""
    schema = json.loads(openapi_json())
    components = schema.get("components", {}).get("schemas", {})
    unbounded = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            inputs = [p.get("schema", {}) for p in operation.get("parameters", [])]
            body = operation.get("requestBody", {}).get("content", {})
            inputs += [media.get("schema", {}) for media in body.values()]
            for node in inputs:
                for kind, where, leaf in _walk(node, components, f"{method.upper()} {path}", set()):
                    if kind == "string" and "maxLength" not in leaf:
                        unbounded.append(where)
                    if kind == "array" and "maxItems" not in leaf:
                        unbounded.append(where)
    assert not unbounded, "unbounded inputs:\n" + "\n".join(sorted(set(unbounded)))
