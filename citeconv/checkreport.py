"""Findings of ``citeconv check`` as text, JSON, SARIF 2.1.0 or GitHub workflow annotations.

Contract
- ``text``: one ``FILE:LINE: severity: message [rule]`` per line.
- ``json``: ``{"version": 1, "findings": [{"file", "line", "severity", "rule", "message",
  "fixable"}], "summary": {"errors": n, "warnings": n}}`` (the layout is API: keys are only
  ever added).
- ``sarif``: one run whose driver lists every rule (id, description, default level); each
  result has ``ruleId``, ``ruleIndex``, ``level``, ``message`` and a physical location. It
  validates against the OASIS SARIF 2.1.0 schema (tested).
- ``github``: ``::error file=F,line=L,title=RULE::message`` lines (GitHub Actions annotations),
  with ``%``, CR, LF, ``,`` and ``:`` escaped as the runner expects.
"""
from __future__ import annotations

import json
from typing import Iterable

from . import __version__
from .checkrules import RULES, Finding

FORMATS = ("text", "json", "sarif", "github")
_LEVEL = {"error": "error", "warning": "warning"}


def render(findings: Iterable[Finding], fmt: str) -> str:
    findings = list(findings)
    return {"text": _text, "json": _json, "sarif": _sarif, "github": _github}[fmt](findings)


def _text(findings: list[Finding]) -> str:
    return "".join(f.format() + "\n" for f in findings)


def summary(findings: list[Finding]) -> dict[str, int]:
    return {"errors": sum(f.severity == "error" for f in findings),
            "warnings": sum(f.severity == "warning" for f in findings)}


def _json(findings: list[Finding]) -> str:
    data = {"version": 1, "findings": [
        {"file": f.file, "line": f.line, "severity": f.severity, "rule": f.rule,
         "message": f.message, "fixable": f.fix is not None} for f in findings],
        "summary": summary(findings)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _sarif(findings: list[Finding]) -> str:
    ids = list(RULES)
    rules = [{"id": rule, "name": "".join(w.title() for w in rule.split("-")),
              "shortDescription": {"text": description},
              "defaultConfiguration": {"level": _LEVEL[severity]}}
             for rule, (severity, description) in RULES.items()]
    results = []
    for f in findings:
        region = {"startLine": f.line} if f.line > 0 else {}
        location = {"physicalLocation": {"artifactLocation": {"uri": f.file.replace("\\", "/")},
                                         **({"region": region} if region else {})}}
        results.append({"ruleId": f.rule, "ruleIndex": ids.index(f.rule),
                        "level": _LEVEL[f.severity], "message": {"text": f.message},
                        "locations": [location]})
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "citeconv", "version": __version__,
                                         "informationUri": "https://pypi.org/project/citeconv/",
                                         "rules": rules}},
                     "results": results}]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _escape(text: str, in_property: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if in_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _github(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        props = [f"file={_escape(f.file, True)}"] + ([f"line={f.line}"] if f.line > 0 else [])
        props.append(f"title={_escape(f.rule, True)}")
        lines.append(f"::{f.severity} {','.join(props)}::{_escape(f.message, False)}\n")
    return "".join(lines)
