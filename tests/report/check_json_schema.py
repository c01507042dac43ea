#!/usr/bin/env python3
"""Validate whosaid's JSON output against doc/json-schema.json.

A small validator for the subset of JSON Schema (draft 2020-12) the schema
uses; it refuses any other keyword, so the schema cannot silently say more
than is checked. It first proves that it rejects broken documents, then
validates the output for every fixture article (against the sources its
sidecar fixtures/articles/<case>.sources lists, as the golden tests do) and
a failed input, and checks that every property the schema documents occurs
in some output. The JSON Lines format is checked too: each line compact,
valid as $defs/jsonl_line and equal to the json format's entry, ids echoed
in batch mode (--jsonl). With python3-jsonschema installed, the outputs are
checked by it as well.

usage: check_json_schema.py WHOSAID SOURCE_ROOT
"""
import copy
import json
import os
import re
import subprocess
import sys
import tempfile

KNOWN = {"$schema", "$defs", "$ref", "title", "description", "type", "const", "enum",
         "properties", "required", "additionalProperties", "items", "minItems",
         "uniqueItems", "minimum", "pattern", "anyOf", "oneOf"}
TYPES = {"object": dict, "array": list, "string": str, "null": type(None), "boolean": bool}


class Invalid(Exception):
    pass


def is_type(v, t):
    if t == "integer":
        return isinstance(v, int) and not isinstance(v, bool)
    if t == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    return isinstance(v, TYPES[t])


class Validator:
    def __init__(self, schema):
        self.root = schema
        self.seen = set()      # (schema id, property) pairs met in documents
        self.check_keywords(schema)

    def check_keywords(self, s):
        if isinstance(s, dict):
            unknown = set(s) - KNOWN
            if unknown and not {"properties", "$defs"} & set(s) == set():
                pass
            for k, v in s.items():
                if k in ("properties", "$defs"):
                    for sub in v.values():
                        self.check_keywords(sub)
                    continue
                if k not in KNOWN:
                    raise SystemExit(f"schema uses '{k}', which this validator does not check")
                if k in ("items",):
                    self.check_keywords(v)
                if k in ("anyOf", "oneOf"):
                    for sub in v:
                        self.check_keywords(sub)

    def resolve(self, ref):
        if not ref.startswith("#/$defs/"):
            raise SystemExit(f"unsupported $ref {ref}")
        return self.root["$defs"][ref[len("#/$defs/"):]]

    def validate(self, v, s, path="$"):
        if "$ref" in s:
            self.validate(v, self.resolve(s["$ref"]), path)
        if "type" in s:
            types = s["type"] if isinstance(s["type"], list) else [s["type"]]
            if not any(is_type(v, t) for t in types):
                raise Invalid(f"{path}: {json.dumps(v)[:60]} is not {types}")
        if "const" in s and v != s["const"]:
            raise Invalid(f"{path}: {v!r} is not {s['const']!r}")
        if "enum" in s and v not in s["enum"]:
            raise Invalid(f"{path}: {v!r} is not one of {s['enum']}")
        if "minimum" in s and is_type(v, "number") and v < s["minimum"]:
            raise Invalid(f"{path}: {v} < {s['minimum']}")
        if "pattern" in s and isinstance(v, str) and not re.search(s["pattern"], v):
            raise Invalid(f"{path}: {v!r} does not match {s['pattern']}")
        if isinstance(v, dict):
            for k in s.get("required", []):
                if k not in v:
                    raise Invalid(f"{path}: '{k}' is missing")
            props = s.get("properties", {})
            for k, sub in v.items():
                if k in props:
                    self.seen.add((id(s), k))
                    self.validate(sub, props[k], f"{path}.{k}")
                elif s.get("additionalProperties", True) is False:
                    raise Invalid(f"{path}: '{k}' is not in the schema")
        if isinstance(v, list):
            if len(v) < s.get("minItems", 0):
                raise Invalid(f"{path}: fewer than {s['minItems']} items")
            if s.get("uniqueItems") and len({json.dumps(x, sort_keys=True) for x in v}) != len(v):
                raise Invalid(f"{path}: items repeat")
            if "items" in s:
                for n, x in enumerate(v):
                    self.validate(x, s["items"], f"{path}[{n}]")
        if "anyOf" in s:
            errors = []
            for sub in s["anyOf"]:
                try:
                    self.validate(v, sub, path)
                    break
                except Invalid as e:
                    errors.append(str(e))
            else:
                raise Invalid(f"{path}: matches none of anyOf: {errors}")
        if "oneOf" in s:
            n_ok, errors = 0, []
            for sub in s["oneOf"]:
                try:
                    self.validate(v, sub, path)
                    n_ok += 1
                except Invalid as e:
                    errors.append(str(e))
            if n_ok != 1:
                raise Invalid(f"{path}: matches {n_ok} of oneOf: {errors}")

    def unseen(self):
        """Properties documented in the schema that no document had."""
        out = []

        def walk(s, where):
            if not isinstance(s, dict):
                return
            for k, sub in s.get("properties", {}).items():
                if (id(s), k) not in self.seen:
                    out.append(f"{where}.{k}")
                walk(sub, f"{where}.{k}")
            if "items" in s:
                walk(s["items"], where + "[]")
            for key in ("anyOf", "oneOf"):
                for sub in s.get(key, []):
                    walk(sub, where)
        walk(self.root, "$")
        for name, sub in self.root["$defs"].items():
            walk(sub, f"$defs.{name}")
        return out


def sources_of(article):
    """--sources arguments from the article's sidecar, as tests/golden.sh reads it."""
    sidecar = os.path.splitext(article)[0] + ".sources"
    args = []
    if os.path.exists(sidecar):
        for line in open(sidecar):
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                args += ["--sources", line]
    return args


def is_compact(line):
    """True when the JSON text has no white space outside its strings."""
    in_string = escaped = False
    for c in line:
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in " \t\r\n":
            return False
    return True


def check_jsonl(whosaid, val, args, json_doc, what):
    """Problems of the jsonl output for @args, whose json output is @json_doc."""
    bad = []
    p = subprocess.run([whosaid, "--format", "jsonl", "--fail-level", "off"] + args,
                       capture_output=True)
    out = p.stdout.decode("utf-8")
    if not out.endswith("\n"):
        return [f"{what}: the jsonl output does not end in a line feed"]
    lines = out[:-1].split("\n")
    if len(lines) != len(json_doc["files"]):
        return [f"{what}: {len(lines)} jsonl lines for {len(json_doc['files'])} files"]
    for n, (line, entry) in enumerate(zip(lines, json_doc["files"]), 1):
        if not is_compact(line):
            bad.append(f"{what}: line {n} is not compact: {line[:80]}")
        obj = json.loads(line)
        try:
            val.validate(obj, val.root["$defs"]["jsonl_line"], f"line {n}")
        except Invalid as e:
            bad.append(f"{what}: {e}")
        if obj != entry:
            bad.append(f"{what}: line {n} differs from the json format's entry")
    return bad


def rejects(val, doc, what):
    try:
        val.validate(doc, val.root)
    except Invalid:
        return True
    print(f"FAIL: the validator accepted a document with {what}")
    return False


def main():
    whosaid, root = sys.argv[1], sys.argv[2]
    os.chdir(root)
    schema = json.load(open("doc/json-schema.json"))
    val = Validator(schema)
    failures = 0

    articles = sorted(os.path.join("fixtures/articles", f) for f in os.listdir("fixtures/articles")
                      if f.endswith((".txt", ".md", ".html")))
    # Kept until the end: the JSON Lines runs read bad.txt again.
    tmp_dir = tempfile.TemporaryDirectory()
    tmp = tmp_dir.name
    bad = os.path.join(tmp, "bad.txt")
    with open(bad, "wb") as f:
        f.write(b"Bad \xff byte.\n")
    runs = [sources_of(a) + [a] for a in articles] + [articles + [bad, os.path.join(tmp, "missing.txt")]]
    docs = []
    for args in runs:
        p = subprocess.run([whosaid, "--format", "json", "--fail-level", "off"] + args,
                           capture_output=True)
        if p.returncode not in (0, 2):
            print(f"FAIL: whosaid {' '.join(args)} exited {p.returncode}: {p.stderr[:300]}")
            failures += 1
            continue
        docs.append((args, json.loads(p.stdout)))

    # The validator must catch broken documents before it may pass good ones.
    good = docs[-1][1]
    val.validate(good, schema)
    first = next(f for f in good["files"] if "statements" in f and f["statements"])
    broken = []
    d = copy.deepcopy(good); d["extra"] = 1; broken.append((d, "an undocumented field"))
    d = copy.deepcopy(good); del d["tool"]; broken.append((d, "a missing field"))
    d = copy.deepcopy(good); d["schema_version"] = 2; broken.append((d, "another schema version"))
    d = copy.deepcopy(good); i = good["files"].index(first)
    d["files"][i]["statements"][0]["kind"] = "quoted"; broken.append((d, "an unknown kind"))
    d = copy.deepcopy(good); d["files"][i]["statements"][0]["content"][0]["line"] = "1"
    broken.append((d, "a string for a number"))
    d = copy.deepcopy(good); d["files"][i]["statements"][0]["content"][0]["col"] = 0
    broken.append((d, "column 0"))
    d = copy.deepcopy(good); d["files"][i]["speakers"][0]["mentions"][0]["span"]["x"] = 1
    broken.append((d, "an undocumented span field"))
    d = copy.deepcopy(good); d["files"][i]["error"] = {}; broken.append((d, "a file and a failure in one"))
    checked = next(doc for _, doc in docs if any(f.get("verifications") for f in doc["files"]))
    d = copy.deepcopy(checked); d["files"][0]["verifications"][0]["status"] = "exact"
    broken.append((d, "an unknown verification status"))
    d = copy.deepcopy(checked); d["files"][0]["verifications"][0]["diff"][0]["op"] = "moved"
    broken.append((d, "an unknown diff step"))
    d = copy.deepcopy(checked)
    v = next(v for v in d["files"][0]["verifications"] if v["source"])
    del v["source"]["wrong_speaker"]; broken.append((d, "a source passage without wrong_speaker"))
    d = copy.deepcopy(checked); d["files"][0]["id"] = True; broken.append((d, "a boolean id"))
    for doc, what in broken:
        failures += not rejects(val, doc, what)

    for args, doc in docs:
        try:
            val.validate(doc, schema)
        except Invalid as e:
            print(f"FAIL: whosaid --format json {' '.join(args)}: {e}")
            failures += 1

    # JSON Lines: the same entries, one compact line each.
    n_lines = 0
    for args, doc in docs:
        problems = check_jsonl(whosaid, val, args, doc, " ".join(args)[-60:])
        for b in problems:
            print("FAIL: " + b)
        failures += len(problems)
        n_lines += len(doc["files"])
    # Batch mode echoes each request's id, for a result and for a failure alike.
    requests = [{"id": 17, "text": open("fixtures/articles/idlib.txt").read()},
                {"id": "b-2", "text": "Bad\u0000\u0000\u0000\u0000\u0000 binary."}]
    p = subprocess.run([whosaid, "--jsonl", "--fail-level", "off"], capture_output=True,
                       input="".join(json.dumps(r) + "\n" for r in requests).encode())
    lines = p.stdout.decode("utf-8").splitlines()
    if len(lines) != 2:
        print(f"FAIL: whosaid --jsonl wrote {len(lines)} lines for 2 requests: {p.stderr[:300]}")
        failures += 1
    else:
        results = [json.loads(x) for x in lines]
        for n, (r, want) in enumerate(zip(results, (17, "b-2")), 1):
            if r.get("id") != want or next(iter(r)) != "id":
                print(f"FAIL: whosaid --jsonl line {n} starts {lines[n - 1][:40]!r}, not with id {want!r}")
                failures += 1
            try:
                val.validate(r, schema["$defs"]["jsonl_line"], f"batch line {n}")
            except Invalid as e:
                print(f"FAIL: {e}")
                failures += 1
        if "error" not in results[1]:
            print("FAIL: whosaid --jsonl: a binary request did not fail")
            failures += 1
        n_lines += 2
    tmp_dir.cleanup()
    missing = val.unseen()
    if missing:
        print("FAIL: documented but never written by the fixtures: " + ", ".join(missing))
        failures += 1

    try:
        import jsonschema
    except ImportError:
        print("(python3-jsonschema not installed: checked by the built-in validator only)")
    else:
        v = jsonschema.Draft202012Validator(schema)
        for args, doc in docs:
            for e in v.iter_errors(doc):
                print(f"FAIL (jsonschema): {' '.join(args)}: {e.message}")
                failures += 1
    print(f"{len(docs)} outputs and {n_lines} JSON Lines checked against doc/json-schema.json, "
          f"{len(broken)} broken ones refused")
    if failures:
        print(f"{failures} failure(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
