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

Browser-copy noise (the ``noise`` batch)
    @noise crlf,bom                      line endings CR LF; a byte-order mark first
    F <line>                             page furniture written as is (no expectation)
    tokens anywhere in T/A/B/R lines: {ZWSP} {SHY} {NBSP} are written as the character and
    expected as nothing, nothing and a space; {MORE} is a site's glued "…more" link, written
    as ``…more`` and expected as ``…`` (the text was cut there)
arXiv listing layout (``@layout arxiv``)
    H <header as shown> | <category> | <yyyy-mm-dd>    e.g. ``H CLJun 12, 2017Code | cs.CL |
                                         2017-06-12``; the record gets type article, publisher
                                         arXiv, keyword and the ``arXiv category:`` note line
    T <title> then A <names> (A+ when the page shows "et al." after them): written as one
                                         glued line ``TitleGiven Family, Given Family et al.``
    R <line>                             the title+authors line exactly as the page shows it
                                         (replaces the glued rendering; tokens apply)
    X <slug, slug>                       affiliation slugs after `` · `` (note line)
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
        fam = " ".join(p for p in (name.get("non-dropping-particle"), name["family"],
                                   name.get("suffix")) if p)  # "Daumé III, Hal"
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
                                name["family"], name.get("suffix")) if p)
    return text.upper() if caps else text


NOISE = {"{ZWSP}": ("\u200b", ""), "{SHY}": ("\u00ad", ""), "{NBSP}": ("\u00a0", " "),
         "{MORE}": ("…more", "…")}


def shown(text: str) -> str:
    for token, (written, _) in NOISE.items():
        text = text.replace(token, written)
    return text


def meant(text: str) -> str:
    for token, (_, expected) in NOISE.items():
        text = text.replace(token, expected)
    return text


def expect_names(names: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{k: meant(v) for k, v in n.items()} for n in names]


def arxiv_line(rec: dict, names: list, etal: bool, raw: str | None, slugs: str) -> str:
    if raw is None:
        shown_names = ", ".join(r or render_publications(n, None, False) for n, r, _ in names)
        raw = rec["title"] + shown_names + (" et al." if etal else "")
    return raw + (f" · {slugs}" if slugs else "")


def note_lines(rec: dict, category: str, slugs: str) -> None:
    rec["keyword"] = category
    rec["note"] = f"arXiv category: {category}" + (f"\naffiliation: {slugs}" if slugs else "")


def build(truth: Path) -> None:
    layout, shape, lines, records = "", "pairs", [], []
    noise: set[str] = set()
    first_layout = ""
    rec: dict | None = None
    pending: dict | None = None  # arXiv: the title+authors line is written once all is known

    def flush() -> None:
        nonlocal pending
        if pending:
            lines.append(arxiv_line(**{k: v for k, v in pending.items() if k != "category"}))
            if pending["category"]:
                note_lines(pending["rec"], pending["category"], meant(pending["slugs"]))
            pending = None

    for raw_line in truth.read_text(encoding="utf-8").splitlines():
        if not raw_line.strip() or raw_line.startswith("#"):
            continue
        tag, _, rest = raw_line.partition(" ")
        if tag not in ("T", "X", "R", "A", "A+", "I", "E") and layout == "arxiv":
            flush()
        if tag == "@noise":
            noise = set(rest.strip().split(","))
        elif tag == "F":
            lines.append(rest.strip())
        elif tag == "H":
            header, category, date = (p.strip() for p in rest.split("|"))
            lines.append(header)
            rec = {"id": "", "type": "article", "publisher": "arXiv",
                   "issued": {"date-parts": [[int(x) for x in date.split("-")]]}}
            records.append(rec)
            pending = {"rec": rec, "names": [], "etal": False, "raw": None, "slugs": "",
                       "category": category}
        elif tag == "X":
            pending["slugs"] = rest.strip()
        elif tag == "R":
            pending["raw"] = rest.strip()
        elif tag == "T" and layout == "arxiv":
            rec["title"] = meant(rest.strip())
            pending["rec"]["title"] = rest.strip()  # written with its tokens, expected without
            rec = pending["rec"]
        elif tag in ("A", "A+") and layout == "arxiv":
            names = [parse_name(s) for s in rest.split(" ; ")]
            rec["author"] = expect_names([dict(n) for n, _, _ in names]) + (
                [{"literal": "others"}] if tag == "A+" else [])
            pending.update(names=names, etal=tag == "A+")
        elif tag == "@layout":  # a second @layout switches the rendering (mixed pastes)
            first_layout = first_layout or rest.strip()
            layout = rest.strip()
        elif tag == "@shape":
            shape = rest.strip()
        elif tag in ("@header", "@profile"):
            lines.append(rest.strip())
        elif tag == "@year":
            lines.append(rest.strip())
            year = int(rest)
        elif tag == "T":
            rec = {"id": "", "type": "document", "title": meant(rest.strip())}
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
            rec["author"] = expect_names(rec["author"])
        elif tag == "B":
            text = rest.strip()
            lines.append(text.replace("|", CUT))
            rec["abstract"] = meant(text.replace("|", ""))
        elif tag == "E":
            rec["abstract"] = meant(rest.strip())
        elif tag == "I":
            arxiv = rest.strip()
            rec.update(type="article", number=f"arXiv:{arxiv}", publisher="arXiv",
                       URL=f"https://arxiv.org/abs/{arxiv}", DOI=f"10.48550/arXiv.{arxiv}")
        else:
            sys.exit(f"{truth.name}: unknown line {raw_line[:40]!r}")
    flush()
    for r in records:  # arXiv titles were kept with their tokens for the written line
        r["title"] = meant(r["title"])
    stem = f"{first_layout}-{truth.stem}"
    eol = "\r\n" if "crlf" in noise else "\n"
    text = ("\ufeff" if "bom" in noise else "") + eol.join(shown(ln) for ln in lines) + eol
    with open(OUT / f"{stem}.txt", "w", encoding="utf-8", newline="") as out:
        out.write(text)
    (OUT / f"{stem}.csl.json").write_text(
        json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{stem}: {len(records)} entries")


if __name__ == "__main__":
    for path in sorted(HERE.glob("*.truth")):
        build(path)
