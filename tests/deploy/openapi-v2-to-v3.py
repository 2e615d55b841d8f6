#!/usr/bin/env python3
"""Derives OpenAPI v3 group-version documents (as kube-apiserver serves them at
/openapi/v3/apis/<group>/<version>) from the server's OpenAPI v2 swagger.json.

Used to produce tests/fixtures/openapi/apis__apps__v1_openapi.json and
apis__rbac.authorization.k8s.io__v1_openapi.json from the v1.28 swagger.json;
schemas that the core v1 v3 document already has are taken from it verbatim
(Quantity, IntOrString, ObjectMeta, PodTemplateSpec, ...).

usage: openapi-v2-to-v3.py SWAGGER_JSON CORE_V3_JSON GROUP VERSION OUT_JSON
"""
import json
import sys

V2_REF = "#/definitions/"
V3_REF = "#/components/schemas/"


def rewrite(node):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(V2_REF):
                out[key] = V3_REF + value[len(V2_REF):]
            else:
                out[key] = rewrite(value)
        return out
    if isinstance(node, list):
        return [rewrite(item) for item in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.add(value.split("/")[-1])
            else:
                refs(value, found)
    elif isinstance(node, list):
        for item in node:
            refs(item, found)


def parameter(param):
    out = {k: param[k] for k in ("description", "in", "name", "required") if k in param}
    schema = {k: param[k] for k in ("type", "uniqueItems", "format", "items") if k in param}
    out["schema"] = schema
    return out


def operation(op, consumes, produces):
    out = {k: rewrite(v) for k, v in op.items() if k not in ("parameters", "responses", "consumes", "produces", "schemes")}
    params = []
    for param in op.get("parameters", []):
        if param.get("in") == "body":
            content = {media: {"schema": rewrite(param["schema"])} for media in op.get("consumes", consumes)}
            out["requestBody"] = {"content": content, "required": bool(param.get("required", False))}
        else:
            params.append(parameter(param))
    if params:
        out["parameters"] = params
    responses = {}
    for code, response in op.get("responses", {}).items():
        entry = {"description": response.get("description", "")}
        if "schema" in response:
            entry["content"] = {media: {"schema": rewrite(response["schema"])} for media in op.get("produces", produces)}
        responses[code] = entry
    out["responses"] = responses
    return out


def main():
    swagger_path, core_path, group, version, out_path = sys.argv[1:6]
    swagger = json.load(open(swagger_path))
    core = json.load(open(core_path))["components"]["schemas"]
    prefix = "/apis/%s/%s/" % (group, version)
    paths = {}
    for path, item in swagger["paths"].items():
        if not path.startswith(prefix):
            continue
        converted = {}
        for key, value in item.items():
            if key == "parameters":
                converted[key] = [parameter(p) for p in value]
            else:
                converted[key] = operation(value, swagger.get("consumes", ["*/*"]), swagger.get("produces", ["application/json"]))
        paths[path] = converted
    schemas = {}
    pending = set()
    refs(paths, pending)
    while pending:
        name = pending.pop()
        if name in schemas:
            continue
        schema = core[name] if name in core else rewrite(swagger["definitions"][name])
        schemas[name] = schema
        found = set()
        refs(schema, found)
        pending |= found - set(schemas)
    document = {
        "openapi": "3.0.0",
        "info": {"title": "Kubernetes", "version": swagger["info"]["version"]},
        "paths": paths,
        "components": {"schemas": dict(sorted(schemas.items()))},
    }
    with open(out_path, "w") as out:
        json.dump(document, out, separators=(",", ":"), sort_keys=False)


if __name__ == "__main__":
    main()
