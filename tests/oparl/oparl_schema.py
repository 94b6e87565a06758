"""Checks a JSON value against an OParl 1.1 schema of schema/ (see README.md):
validate(value, "Meeting") -> ["meeting.agendaItem[2].order: ...", ...]."""
import datetime
import json
import os
import re

SCHEMA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema")
_cache = {}

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#]+[^\s]*$")
DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$")


def load(name):
    name = name[:-5] if name.endswith(".json") else name
    if name not in _cache:
        with open(os.path.join(SCHEMA_DIR, name + ".json"), encoding="utf-8") as f:
            _cache[name] = json.load(f)
    return _cache[name]


def _date_ok(s):
    try:
        datetime.date.fromisoformat(s)
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) is not None
    except ValueError:
        return False


def _format_ok(fmt, s):
    if fmt == "url":
        return URL.match(s) is not None
    if fmt == "date":
        return _date_ok(s)
    if fmt == "date-time":
        m = DATE_TIME.match(s)
        if not m or not _date_ok(m.group(1)):
            return False
        h, mi, sec = int(m.group(2)), int(m.group(3)), int(m.group(4))
        if h > 23 or mi > 59 or sec > 60:
            return False
        return m.group(6) == "Z" or (int(m.group(7)) <= 23 and int(m.group(8)) <= 59)
    raise ValueError(f"unknown format {fmt}")


TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}


def _check(value, rule, where, errors, strict):
    want = rule.get("type")
    if want is not None and not TYPES[want](value):
        errors.append(f"{where}: {json.dumps(value)[:40]} is not of type {want}")
        return
    if "schema" in rule:
        # An object of another schema, checked whole.
        _object(value, load(rule["schema"]), where, errors, strict)
    if isinstance(value, str):
        if "pattern" in rule and not re.search(rule["pattern"], value):
            errors.append(f"{where}: {value!r} does not match {rule['pattern']}")
        if "format" in rule and not _format_ok(rule["format"], value):
            errors.append(f"{where}: {value!r} is not a {rule['format']}")
    if isinstance(value, list) and "items" in rule:
        for i, item in enumerate(value):
            _check(item, rule["items"], f"{where}[{i}]", errors, strict)
    if isinstance(value, dict) and "properties" in rule and "schema" not in rule:
        _object(value, rule, where, errors, strict)


def _object(value, schema, where, errors, strict):
    if not isinstance(value, dict):
        errors.append(f"{where}: not an object")
        return
    for name in schema.get("required", []):
        if name not in value:
            errors.append(f"{where}: {schema.get('title', 'object')} needs {name}")
    props = schema.get("properties", {})
    for name, v in value.items():
        if name in props:
            _check(v, props[name], f"{where}.{name}", errors, strict)
        elif strict:
            errors.append(f"{where}: {schema.get('title', 'object')} has no property {name}")


def validate(value, schema_name, where=None, strict=True):
    """Every way `value` breaks schema `schema_name`; empty when it conforms."""
    errors = []
    _object(value, load(schema_name), where or schema_name, errors, strict)
    return errors
