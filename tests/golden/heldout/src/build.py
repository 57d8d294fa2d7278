"""Build the held-out inputs and expectations from the hand-written truth files.

Each ``<case>.truth`` in this folder is written by hand: the real paper's title, its real
authors with their name parts as the person writes them, and (optionally) an abstract in our
own words. This script renders the truth into the layout (``<case>.txt``) and writes the
expected records (``<case>.csl.json``); it never calls a citeconv reader.

Truth lines
    @layout last-first|publications      @header <line>       @profile <line>
    @shape pairs|semis|initials          (last-first author-line shape)
    @year 2023                           (publications: a year heading line)
    T <title>
    A <name> ; <name> ; ...              name: ``Given|Family``, ``Given|particle|Family``,
                                         ``=Organisation``; ``>RAW`` after it overrides how the
                                         name is written in the layout; ``^`` before it writes
                                         it in capitals; a ``|,Jr.`` part is the suffix
    B <abstract as written in the layout>   (``|`` marks a "… (voir plus)" cut, publications)
    E <expected abstract when it differs from B after removing the cut>
    I <arxiv id stamped in the abstract>
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
CUT = "… (voir plus)"


def parse_name(spec: str) -> tuple[dict[str, str], str | None, bool]:
    spec = spec.strip()
    caps = spec.startswith("^")
    spec = spec.lstrip("^")
    raw = None
    if ">" in spec:
        spec, raw = (s.strip() for s in spec.split(">", 1))
    if spec.startswith("="):
        return {"literal": spec[1:]}, raw, caps
    parts = spec.split("|")
    suffix = [p[1:] for p in parts if p.startswith(",")]
    parts = [p for p in parts if not p.startswith(",")]
    if suffix:
        name, raw, caps = parse_name("|".join(parts) + (f">{raw}" if raw else ""))
        return {**name, "suffix": suffix[0]}, raw, caps
    if len(parts) == 1:
        return {"family": parts[0]}, raw, caps
    if len(parts) == 2:
        name = {"family": parts[1], "given": parts[0]}
    else:
        name = {"family": parts[2], "given": parts[0], "non-dropping-particle": parts[1]}
    return {k: v for k, v in name.items() if v}, raw, caps


def initials(given: str) -> str:
    out = []
    for word in given.split():
        out.append("-".join(p[0] + "." for p in word.split("-")) if not word.endswith(".")
                   else word)
    return " ".join(out)


def render_last_first(names: list[tuple[dict[str, str], str | None, bool]], shape: str,
                      expected: list[dict[str, str]]) -> str:
    pieces = []
    for (name, raw, caps), exp in zip(names, expected):
        if raw:
            pieces.append(raw)
            continue
        if "literal" in name:
            pieces.append(f"{name['literal']}, null")
            continue
        fam = " ".join(p for p in (name.get("non-dropping-particle"), name["family"]) if p)
        given = name.get("given", "")
        if shape == "initials":
            given = initials(given)
            exp["given"] = given
        piece = f"{fam}, {given}" if given else fam
        pieces.append(piece.upper() if caps else piece)
    return ("; " if shape in ("semis", "initials") else ", ").join(pieces)


def render_publications(name: dict[str, str], raw: str | None, caps: bool) -> str:
    if raw:
        return raw
    if "literal" in name:
        return name["literal"]
    text = " ".join(p for p in (name.get("given"), name.get("non-dropping-particle"),
                                name["family"]) if p)
    return text.upper() if caps else text


def build(truth: Path) -> None:
    layout, shape, lines, records = "", "pairs", [], []
    rec: dict | None = None
    for raw_line in truth.read_text(encoding="utf-8").splitlines():
        if not raw_line.strip() or raw_line.startswith("#"):
            continue
        tag, _, rest = raw_line.partition(" ")
        if tag == "@layout":
            layout = rest.strip()
        elif tag == "@shape":
            shape = rest.strip()
        elif tag in ("@header", "@profile"):
            lines.append(rest.strip())
        elif tag == "@year":
            lines.append(rest.strip())
            year = int(rest)
        elif tag == "T":
            rec = {"id": "", "type": "document", "title": rest.strip()}
            if layout == "publications" and "year" in locals():
                rec["issued"] = {"date-parts": [[year]]}
            records.append(rec)
            lines.append(rest.strip())
        elif tag == "A":
            names = [parse_name(s) for s in rest.split(" ; ")]
            rec["author"] = [dict(n) for n, _, _ in names]
            if layout == "last-first":
                lines.append(render_last_first(names, shape, rec["author"]))
            else:
                lines.extend(render_publications(*n) for n in names)
        elif tag == "B":
            text = rest.strip()
            lines.append(text.replace("|", CUT))
            rec["abstract"] = text.replace("|", "")
        elif tag == "E":
            rec["abstract"] = rest.strip()
        elif tag == "I":
            arxiv = rest.strip()
            rec.update(type="article", number=f"arXiv:{arxiv}", publisher="arXiv",
                       URL=f"https://arxiv.org/abs/{arxiv}", DOI=f"10.48550/arXiv.{arxiv}")
        else:
            sys.exit(f"{truth.name}: unknown line {raw_line[:40]!r}")
    stem = f"{layout}-{truth.stem}"
    (OUT / f"{stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (OUT / f"{stem}.csl.json").write_text(
        json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{stem}: {len(records)} entries")


if __name__ == "__main__":
    for path in sorted(HERE.glob("*.truth")):
        build(path)
