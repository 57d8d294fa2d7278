"""Hostile input is harmless.

- Text from CSL-JSON and publication listings cannot inject LaTeX into the BibTeX we write:
  every backslash and brace is escaped by ``latex.encode`` (checked without compiling: after the
  escapes the writer itself produces are taken out, no backslash and no unbalanced brace is
  left), and citation keys cannot end their entry.
- BibTeX input passes through as LaTeX, but a field with unbalanced braces never breaks the next
  entry, and the file we write re-parses with the same number of entries.
- Output is written atomically and never over an input.
- Style files with a DOCTYPE (XXE, billion laughs) are refused before anything is expanded.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bibtexparser.model import Entry, ParsingFailedBlock
from bibtexparser.splitter import Splitter
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeconv import keys, latexenc, readers
from citeconv.cli import main
from citeconv.model import Name, Record
from citeconv.readers import bibtex as bibtex_reader
from citeconv.readers import csljson as csljson_reader
from citeconv.writers import bibtex as bibtex_writer

PAYLOADS = [
    "\\input{/etc/passwd}", "\\write18{rm -rf ~}", "\\immediate\\write18{id}",
    "\\catcode`\\@=11", "\\def\\x{\\input{y}}", "\\csname input\\endcsname{z}", "\\openout",
    "}}}} @misc{injected, title = {x}", "{{{", "}", "\\", "\\\\", "%", "#", "$\\input{m}$",
    "\\\\input{q}", "<i>\\input{i}</i>", "<span class=\"nocase\">\\input{n}</span>",
    "<x \\input{tag}>", "\\^^5cinput", "^^5cinput{h}", "\\@", "\\par\\end{document}",
]
#: the escapes and markup commands the writer produces (``ascii_only`` adds accents, symbols)
_WRITER_ESCAPES = re.compile(
    r"\\(?:textbackslash|textbraceleft|textbraceright|textasciitilde|textasciicircum)\{\}"
    r"|\\[&%$#_{}]"
    r"|\\(?:emph|textbf|textsuperscript|textsubscript|textsc)\{"
    r"|\\['`^\"~=.uvHckrdbt]\{"
    r"|\\(?:" + "|".join(sorted(latexenc._ASCII_SYMBOLS.values(), key=len, reverse=True))
    + r"|i|j)(?![A-Za-z])")


def live_latex(bib: str) -> list[str]:
    """Backslash sequences in written BibTeX that the writer's escapes do not account for."""
    # JabRef's escapes in file paths (\\ \: \;) are kept byte for byte; TeX never runs them
    bib = re.sub(r"(?m)^  file = \{.*", lambda m: re.sub(r"\\[\\:;]", "", m.group(0)), bib)
    rest = _WRITER_ESCAPES.sub("", bib)
    return re.findall(r"\\.[A-Za-z]*", rest) + re.findall(r"\^\^.", rest)  # ^^5c is \\


def assert_inert(bib: str, count: int) -> None:
    assert live_latex(bib) == [], bib
    blocks = Splitter(bib).split().blocks
    assert not [b for b in blocks if isinstance(b, ParsingFailedBlock)], bib
    entries = [b for b in blocks if isinstance(b, Entry)]
    assert len(entries) == count, bib
    for entry in entries:
        for f in entry.fields:
            depth = 0
            for ch in f.value:
                depth += (ch == "{") - (ch == "}")
                assert depth >= 0, f.value
            assert depth == 0, f.value


# ---------------------------------------------------------------------------- CSL-JSON
def hostile_item(payload: str, n: int = 0) -> dict:  # type: ignore[type-arg]
    return {
        "id": f"evil{n}}}, @misc{{x{n},", "type": "article-journal", "title": payload,
        "container-title": f"<i>{payload}</i>", "note": f"%\n@preamble{{\"{payload}\"}}",
        "author": [{"family": payload, "given": payload}, {"literal": payload}],
        "editor": [{"family": "X", "given": "Y", "suffix": payload,
                    "non-dropping-particle": payload}],
        "volume": payload, "page": f"1--2{payload}", "publisher": payload, "URL": payload,
        "DOI": payload, "ISBN": payload, "issued": {"literal": payload},
        "accessed": {"raw": payload}, "genre": payload, "language": payload,
        "citeconv-extra": {"file": payload, "keywords": payload, "x-custom": payload},
        "archive": payload,  # no BibTeX home: written as csl-archive
    }


@pytest.mark.parametrize("ascii_only", [False, True])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_csljson_text_cannot_inject_latex(payload: str, ascii_only: bool) -> None:
    text = json.dumps([hostile_item(payload, 1), hostile_item(payload, 2)])
    result = csljson_reader.read(text)
    assert len(result.records) == 2
    bib = bibtex_writer.write(result.records, ascii_only=ascii_only)
    assert_inert(bib, 2)
    assert bib.startswith("@article{evil1___@misc_x1_,\n")


def test_csljson_text_survives_the_round_trip_as_text() -> None:
    """Escaping is not deleting: the payload reads back from our .bib as the same text."""
    for payload in ("\\input{/etc/passwd}", "}}}} @misc{injected, title = {x}", "\\catcode`\\@=11",
                    "50% of $5 #1 a_b ~ ^"):
        (record,) = csljson_reader.read(json.dumps([{"id": "a", "type": "book",
                                                     "title": payload}])).records
        (again,) = bibtex_reader.read(bibtex_writer.write([record])).records
        assert again.fields["title"] == payload


def test_cli_csljson_to_bibtex_is_inert(tmp_path: Path) -> None:
    src = tmp_path / "evil.json"
    src.write_text(json.dumps([hostile_item(p, i) for i, p in enumerate(PAYLOADS)]))
    result = CliRunner().invoke(main, ["convert", str(src)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert_inert(result.stdout, len(PAYLOADS))


HOSTILE_TEXT = st.lists(st.sampled_from(PAYLOADS) | st.text(max_size=8), max_size=8).map("".join)


@settings(max_examples=int(os.environ.get("CITECONV_FUZZ_EXAMPLES", "0")) or 150,
          derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=HOSTILE_TEXT, family=HOSTILE_TEXT, note=HOSTILE_TEXT, key=HOSTILE_TEXT,
       extra=HOSTILE_TEXT, ascii_only=st.booleans())
def test_any_record_text_is_inert(title: str, family: str, note: str, key: str, extra: str,
                                  ascii_only: bool) -> None:
    record = Record(id=key or "k", type="book",
                    fields={"title": title, "note": note, "author": (Name(family=family or "F",
                                                                          given=note),),
                            "URL": extra, "publisher": title},
                    extra={"file": extra, "howpublished2": extra})
    assert_inert(bibtex_writer.write([record, record.replace(id="next")], ascii_only=ascii_only),
                 2)


LISTING_READERS = [n for n in readers.available() if n not in ("bibtex", "csl-json")]
GOLDEN = Path(__file__).parent / "golden"


def hostile_listings(layout: str) -> list[str]:
    """The reader's own golden inputs with payloads spliced into every line, or every other."""
    out = []
    for path in sorted(p for p in (GOLDEN / layout).glob("*.*") if p.suffix in (".txt", ".ris"))[:6]:
        lines = path.read_text(encoding="utf-8").splitlines()
        for payload in PAYLOADS:
            out.append("\n".join(f"{line} {payload}" if line.strip() else line for line in lines))
            out.append("\n".join(f"{line} {payload}" if i % 2 and line.strip() else line
                                 for i, line in enumerate(lines)))
    return out


@pytest.mark.parametrize("layout", LISTING_READERS)
def test_listing_text_cannot_inject_latex(layout: str) -> None:
    module = readers.get(layout)
    produced = 0
    for text in hostile_listings(layout):
        records = keys.assign_keys(module.read(text).records)  # as the CLI does
        produced += len(records)
        for ascii_only in (False, True):
            assert_inert(bibtex_writer.write(records, ascii_only=ascii_only), len(records))
    assert produced, f"{layout} read nothing from the hostile listings; the test proves nothing"


# ---------------------------------------------------------------------------- BibTeX input
def test_bibtex_latex_passes_through_and_unknown_commands_are_reported() -> None:
    src = ("@article{a,\n  title = {\\emph{Deep} {BERT} na\\\"ive \\input{/etc/passwd}},\n"
           "  author = {M{\\\"u}ller, J},\n}\n")
    result = bibtex_reader.read(src)
    out = bibtex_writer.write(result.records)
    assert "  title = {\\emph{Deep} {BERT} na\u00efve \\textbackslash{}input{/etc/passwd}},\n" in out
    assert [(d.code, d.line, d.message) for d in result.diagnostics] == [
        ("bibtex.latex", 2, "title: unknown LaTeX command \\input kept as text")]


UNBALANCED = """@article{before, title = {Before}}
@article{broken,
  title = {An {unbalanced title},
  journal = {J},
}
@article{after, title = {After}}
@article{quoted-open, title = "a { b", year = 2020}
@article{quoted-close, title = "x } y", year = 2020}
@article{last, title = {Last}}
"""


def test_unbalanced_braces_never_break_the_next_entry() -> None:
    result = bibtex_reader.read(UNBALANCED)
    ids = [r.id for r in result.records]
    assert "after" in ids and "last" in ids and "before" in ids
    assert [(d.code, d.line) for d in result.diagnostics if d.severity == "error"] == [
        ("bibtex.syntax", 2)]
    written = bibtex_writer.write(result.records)
    assert_inert_bibtex_structure(written, len(result.records))
    again = bibtex_reader.read(written)
    assert [r.id for r in again.records] == ids
    assert again.records == result.records


def assert_inert_bibtex_structure(bib: str, count: int) -> None:
    blocks = Splitter(bib).split().blocks
    assert not [b for b in blocks if isinstance(b, ParsingFailedBlock)]
    assert len([b for b in blocks if isinstance(b, Entry)]) == count


def test_unbalanced_braces_cli_exit_3_and_the_rest_converts(tmp_path: Path) -> None:
    src = tmp_path / "unbalanced.bib"
    src.write_text(UNBALANCED)
    result = CliRunner().invoke(main, ["convert", str(src)], catch_exceptions=False)
    assert result.exit_code == 3
    assert f"{src}:2: error: entry skipped" in result.stderr
    assert result.stdout.count("\n@article{") + result.stdout.startswith("@article{") == 5


# ---------------------------------------------------------------------------- output files
BIB = "@article{a,\n  title = {T},\n  year = {2020},\n}\n"


def invoke(args: list[str]):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink"])
def test_output_over_an_input_is_refused(how: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "refs.bib"
    src.write_text(BIB)
    before = src.stat()
    target = {"same": str(src), "relative": "sub/../refs.bib"}.get(how, str(tmp_path / "out.bib"))
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    if how == "symlink":
        os.symlink(src, tmp_path / "out.bib")
    elif how == "hardlink":
        os.link(src, tmp_path / "out.bib")
    result = invoke(["convert", str(src), "-o", target])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"citeconv: error: refusing to overwrite the input file {target}; "
                             "choose another -o\n")
    assert src.read_text() == BIB and src.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["refs.bib", "sub"] + (["out.bib"] if how in ("symlink", "hardlink") else []))


def test_output_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    src = tmp_path / "in.bib"
    src.write_text(BIB)
    out = tmp_path / "out.bib"
    out.write_text("old")
    out.chmod(0o600)
    result = invoke(["convert", str(src), "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    assert out.read_text() == BIB
    assert out.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.bib", "out.bib"]


def test_failed_run_leaves_the_old_output_untouched(tmp_path: Path) -> None:
    src = tmp_path / "in.bib"
    src.write_text(BIB)
    out = tmp_path / "out.txt"
    out.write_text("previous bibliography\n")
    result = invoke(["convert", str(src), "--to", "text", "--style", str(tmp_path / "nope.csl"),
                     "-o", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("citeconv: error: ")
    assert out.read_text() == "previous bibliography\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.bib", "out.txt"]


def test_output_into_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "in.bib"
    src.write_text(BIB)
    result = invoke(["convert", str(src), "-o", str(tmp_path / "no" / "such" / "out.bib")])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"citeconv: error: cannot write {tmp_path}/no/such/out.bib: ")


# ---------------------------------------------------------------------------- style files
XXE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>&x;</title><id>evil</id></info>
  <citation><layout><text value="&x;"/></layout></citation>
  <bibliography><layout><text value="&x;"/><text variable="title"/></layout></bibliography>
</style>
"""
_LOL = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE style [<!ENTITY lol0 "lol">{_LOL}]>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>&lol9;</title><id>lol</id></info>
  <citation><layout><text value="&lol9;"/></layout></citation>
  <bibliography><layout><text value="&lol9;"/></layout></bibliography>
</style>
"""
EXTERNAL_DTD = XXE.replace('<!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                           '<!DOCTYPE style SYSTEM "file:///etc/passwd">').replace("&x;", "x")
LATE_DOCTYPE = XXE.replace("<!DOCTYPE", "<!--" + "padding " * 1000 + "-->\n<!DOCTYPE")
STYLES = {"xxe": XXE, "billion-laughs": LAUGHS, "external-dtd": EXTERNAL_DTD,
          "late-doctype": LATE_DOCTYPE}


@pytest.mark.parametrize("name", sorted(STYLES))
def test_hostile_style_is_refused_without_leaking(name: str, tmp_path: Path) -> None:
    style = tmp_path / "evil.csl"
    style.write_text(STYLES[name])
    src = tmp_path / "x.bib"
    src.write_text(BIB)
    result = invoke(["convert", str(src), "--to", "text", "--style", str(style)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"citeconv: error: cannot use style '{style}': ")
    assert "DOCTYPE" in result.stderr
    assert "root:" not in result.stderr and "lollol" not in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS semantics")
def test_billion_laughs_needs_no_memory(tmp_path: Path) -> None:
    """Under a 1 GB address-space limit (the expansion needs ~3 GB), a normal render works and
    the billion-laughs style is refused cleanly: nothing was expanded."""
    style = tmp_path / "laughs.csl"
    style.write_text(LAUGHS)
    src = tmp_path / "x.bib"
    src.write_text(BIB)
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
            "from citeconv.cli import main; sys.argv = ['citeconv'] + sys.argv[1:]; main()")
    base = [sys.executable, "-c", code, "convert", str(src), "--to", "text"]
    ok = subprocess.run(base, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    evil = subprocess.run(base + ["--style", str(style)], capture_output=True, text=True,
                          timeout=120)
    assert evil.returncode == 1 and evil.stdout == ""
    assert evil.stderr.startswith("citeconv: error: cannot use style")
