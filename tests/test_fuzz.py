"""Never crash, never hang: property tests over every reader and the CLI, plus hostile shapes.

Every reader's ``read`` must return a ``ReadResult`` for any ``str`` and ``detect`` a score in
[0, 1]; the CLI must end every input in output (+ diagnostics) or a clear error: exit 1 with a
``citeconv: error:`` message on stderr and nothing on stdout, or exit 0/3 with output.

The run is derandomized and bounded (well under a minute on two cores). For a long run, raise the
budget per property with ``CITECONV_FUZZ_EXAMPLES``::

    CITECONV_FUZZ_EXAMPLES=5000 python -m pytest -q tests/test_fuzz.py

Timing is never asserted here; the deep-nesting and 1 MB-line cases assert exact results, and
they only finish quickly because decoding is linear and recursion-free (see bench/ for speed).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeconv import readers
from citeconv.cli import main
from citeconv.model import ReadResult
from citeconv.readers import bibtex as bibtex_reader
from citeconv.writers import bibtex as bibtex_writer

EXAMPLES = int(os.environ.get("CITECONV_FUZZ_EXAMPLES", "0"))
MESSY = Path(__file__).parent / "data" / "messy"


def budget(default: int) -> settings:
    return settings(max_examples=EXAMPLES or default, derandomize=True, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ---------------------------------------------------------------------------- strategies
#: punctuation that means something to one of the readers, and some non-ASCII
PUNCT = "@{}()\",=#%\\~$^_&;:.-'`[]<>/|*+!?\n\t \u00a0\ufeff\ufffd"
ALPHABET = st.sampled_from(PUNCT) | st.characters(min_codepoint=32, max_codepoint=0x2FFF) \
    | st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
FRAGMENTS = st.sampled_from([
    "@article{", "@inproceedings{key,", "@string{j = {J}}", "@preamble{\"x\"}", "@comment{",
    "@misc(k,", "title = {", "author = \"", "year = 2020,", "month = jan", " # ", "crossref = {",
    "journal = j", "{\\'e}", "\\emph{", "\\input{/etc/passwd}", "\\write18{rm -rf /}", "$x^2$",
    "--", "~", "}", "}}", "{", "\"", ",", "=", "\n", "and", "others", "{\\relax Ch}ristopher",
    "[", "]", "{\"id\": \"a\", \"type\": \"book\", \"title\": ", "\"author\": [{\"family\": ",
    "arXiv:2101.00001v2", "1. Smith, J. (2020). Title. Journal, 3(2), 1-10.", "Smith, John",
    "doi = {10.1/x}", "url = {http://x/y}", "@", "%", "\\", "\ufeff", "\x00",
])
TEXT = st.text(ALPHABET, max_size=300)
SHAPED = st.lists(FRAGMENTS | st.text(ALPHABET, max_size=12), max_size=40).map("".join)
ANY_TEXT = TEXT | SHAPED


# ---------------------------------------------------------------------------- readers
READER_NAMES = readers.available()


@pytest.mark.parametrize("name", READER_NAMES)
def test_every_reader_is_registered_and_fuzzed(name: str) -> None:
    module = readers.get(name)
    assert module.NAME == name
    assert callable(module.read) and callable(module.detect)


@pytest.mark.parametrize("name", READER_NAMES)
@budget(60)
@given(text=ANY_TEXT)
def test_reader_never_raises_and_detect_is_a_score(name: str, text: str) -> None:
    module = readers.get(name)
    score = module.detect(text)
    assert isinstance(score, float) and 0.0 <= score <= 1.0
    result = module.read(text)
    assert isinstance(result, ReadResult)
    for diagnostic in result.diagnostics:
        assert diagnostic.code and diagnostic.message
        assert diagnostic.line >= 0


@budget(80)
@given(text=SHAPED)
def test_bibtex_read_write_read_keeps_every_record(text: str) -> None:
    first = bibtex_reader.read(text)
    written = bibtex_writer.write(first.records)
    again = bibtex_reader.read(written)
    # keys the writer had to make safe (no backslash, brace, comma, space... in a key)
    assert [r.id for r in again.records] == [bibtex_writer._safe_key(r.id) for r in first.records]
    assert not [d for d in again.diagnostics if d.severity == "error"], written


# ---------------------------------------------------------------------------- CLI
def run(args: list[str], stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


def assert_clean_outcome(result) -> None:  # type: ignore[no-untyped-def]
    """Output + diagnostics, or a clear error with nothing on stdout."""
    assert result.exit_code in (0, 1, 3), (result.exit_code, result.stderr)
    if result.exit_code == 1:
        assert result.stdout == ""
        assert result.stderr.splitlines()[-1].startswith("citeconv: error: ")
    else:
        assert result.stdout.strip()
    if result.exit_code == 3:
        assert ": error: " in result.stderr


@budget(40)
@given(data=st.binary(max_size=400) | ANY_TEXT.map(lambda t: t.encode("utf-8")))
def test_cli_convert_any_bytes_on_stdin(data: bytes) -> None:
    assert_clean_outcome(run(["convert", "-"], data))


@budget(25)
@given(text=SHAPED, fmt=st.sampled_from(["bibtex", "csl-json"]))
def test_cli_convert_shaped_text_both_formats(text: str, fmt: str) -> None:
    assert_clean_outcome(run(["convert", "--from", "bibtex", "--to", fmt, "-"],
                             text.encode("utf-8")))


@budget(15)
@given(data=st.binary(max_size=200))
def test_cli_detect_any_bytes(data: bytes) -> None:
    result = run(["detect", "-"], data)
    assert result.exit_code in (0, 1)
    if result.exit_code == 0:
        assert [line.split("\t")[0] for line in result.stdout.splitlines()] \
            and "would read" in result.stderr


def messy_sources() -> list[Path]:
    return sorted(MESSY.glob("*.bib"))


def test_truncated_bib_files_never_crash(tmp_path: Path) -> None:
    """Every messy file cut at 40 points (mid-entry, mid-field, mid-escape) still ends cleanly."""
    for source in messy_sources():
        data = source.read_bytes()
        for cut in sorted({len(data) * i // 40 for i in range(1, 40)}):
            piece = data[:cut]
            try:
                piece.decode("utf-8")
            except UnicodeDecodeError:  # cut inside a UTF-8 sequence: a clean encoding error
                result = run(["convert", "-"], piece)
                assert result.exit_code == 1 and result.stdout == ""
                assert re.search(r"not UTF-8: byte 0x[0-9a-f]{2} at offset \d+", result.stderr)
                continue
            assert_clean_outcome(run(["convert", "-"], piece))


def test_concatenated_bib_files_convert_as_one(tmp_path: Path) -> None:
    sources = messy_sources()
    assert len(sources) >= 3
    joined = b"\n".join(p.read_bytes() for p in sources)
    single = sum(len(bibtex_reader.read(p.read_text("utf-8")).records) for p in sources)
    result = run(["convert", "--to", "csl-json", "-"], joined)
    assert result.exit_code in (0, 3)
    assert result.stdout.count('"id": ') == single


# ---------------------------------------------------------------------------- hostile shapes
def test_nul_bytes_are_replaced_not_fatal() -> None:
    data = b"@article{a,\n  title = {Nul\x00byte},\n  year = 2020,\n}\n\x00\x00"
    result = run(["convert", "-"], data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "@article{a,\n  title = {Nul\ufffdbyte},\n  year = {2020},\n}\n"


def test_deep_brace_nesting_is_flattened_without_recursion() -> None:
    deep = "{" * 10_000 + "Deep" + "}" * 10_000
    data = f"@article{{a,\n  title = {{{deep}}},\n}}\n@article{{b,\n  title = {{After}},\n}}\n"
    result = run(["convert", "--to", "csl-json", "-"], data.encode())
    assert result.exit_code == 0, result.stderr
    assert '"title": "<span class=\\"nocase\\">Deep</span>"' in result.stdout
    assert '"title": "After"' in result.stdout
    assert result.stderr == ("<stdin>:2: warning: title: LaTeX nested deeper than 64 levels "
                             "flattened [bibtex.latex]\n")


@pytest.mark.parametrize("chain", ["\\'", "\\emph", "\\textbf{", "{\\em "])
def test_deep_command_chains_are_flattened(chain: str) -> None:
    from citeconv import latex
    text, warnings = latex.decode_with_warnings(chain * 10_000 + "x")
    assert "x" in text
    assert warnings[0] == "LaTeX nested deeper than 64 levels flattened"


def test_unbalanced_closing_braces_are_one_warning() -> None:
    from citeconv import latex
    assert latex.decode_with_warnings("a" + "}" * 100_000 + "b") == (
        "ab", ("unbalanced '}' ignored",))


def test_one_megabyte_line() -> None:
    words = ("word \\'e {B} -- " * 70_000)[:1_000_000]
    data = f"@misc{{big, note = {{{words}}}, title = {{T}}}}\n@misc{{next, title = {{N}}}}"
    result = run(["convert", "-"], data.encode())
    assert result.exit_code == 0, result.stderr[:300]
    assert result.stdout.count("@misc{") == 2
    assert len(result.stdout) > 850_000


def test_one_megabyte_of_garbage_on_one_line() -> None:
    result = run(["convert", "-"], b"{@=" * 350_000)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("citeconv: error: <stdin>: no references found")


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.bib"
    path.write_bytes("@article{a,\n  title = {Caf\u00e9},\n}\n".encode("latin-1"))
    result = run(["convert", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (f"citeconv: error: {path}: not UTF-8: byte 0xe9 at offset 26; it "
                             "reads cleanly as latin-1: add --encoding latin-1 (or cp1252)\n")
    result = run(["convert", "--encoding", "latin-1", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "@article{a,\n  title = {Caf\u00e9},\n}\n"


def test_unknown_encoding_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.bib"
    path.write_bytes(b"@misc{a, title={x}}")
    result = run(["convert", "--encoding", "no-such-codec", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"citeconv: error: {path}: unknown encoding")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_utf16_and_friends_with_bom(codec: str, tmp_path: Path) -> None:
    text = "@article{a,\n  author = {M\u00fcller, J\u00fcrgen},\n  title = {\u00dcber},\n}\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "bom.bib"
    path.write_bytes(data)
    result = run(["convert", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("@article{a,\n  author = {M\u00fcller, J\u00fcrgen},\n"
                             "  title = {\u00dcber},\n}\n")


def test_crlf_and_lone_cr_line_endings() -> None:
    result = run(["convert", "-"], b"@misc{a,\r\n  title = {A},\r\n}\r@misc{b,\r title={B}}\r")
    assert result.exit_code == 0
    assert result.stdout == "@misc{a,\n  title = {A},\n}\n\n@misc{b,\n  title = {B},\n}\n"


# ---------------------------------------------------------------------------- fast splitter
def split_blocks(library):  # type: ignore[no-untyped-def]
    """What the reader uses of a bibtexparser Library, comparable with ==."""
    from bibtexparser.model import (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry,
                                    ExplicitComment, ImplicitComment, String)
    out = []
    for block in library.blocks:
        kind = type(block).__name__
        if isinstance(block, ImplicitComment):
            continue
        if isinstance(block, (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock)):
            block = block.ignore_error_block
        if isinstance(block, Entry):
            out.append((kind, block.start_line, block.entry_type, block.key,
                        [(f.start_line, f.key, f.value) for f in block.fields]))
        elif isinstance(block, String):
            out.append((kind, block.start_line, block.key, block.value))
        elif isinstance(block, ExplicitComment):
            out.append((kind, block.start_line, block.comment))
        else:
            out.append((kind, block.start_line))
    return out


def assert_fast_split_agrees(text: str) -> bool:
    from bibtexparser.splitter import Splitter

    from citeconv.readers import _bibsplit
    fast = _bibsplit.split(text)
    if fast is None:
        return False
    assert split_blocks(fast) == split_blocks(Splitter(text).split())
    return True


FIELD_SHAPES = st.sampled_from([
    ' title = {A {B} c}', ' title = "A {B} \\"u c"', " year = 2020", " month = jan",
    ' title = {x} # " y " # jan', ' note = "a {"} b"', ' t = {{{deep}}}', ' u = {a\\}b}',
    ' v = "a\\{b"', " w = {a\n@misc{x,}", ' x = {a},', " Key = {K}", " k = {line\\\nbreak}",
    " z = {}", ' q = ""', " e = {a, b = c}", " f = {@ not a block}", " g = {\\\\}",
])
ENTRY = st.builds(
    lambda kind, key, fields, tail: f"@{kind}{{{key},{','.join(fields)}{tail}}}",
    st.sampled_from(["article", "ARTICLE", "misc ", "string", "comment", "preamble"]),
    st.sampled_from(["k", "k1", " spaced ", "dup", "a:b-c_d"]),
    st.lists(FIELD_SHAPES, max_size=5), st.sampled_from(["", ",", "\n", " ,\n"]))
FILES = st.lists(ENTRY | st.sampled_from(["\n", "junk @ text\n", "@misc(p, t={x})\n",
                                          "@string{j = {J}}\n", "@comment{c {d}}\n", "\\\n"]),
                 max_size=8).map("\n".join)


@budget(150)
@given(text=FILES | SHAPED)
def test_fast_splitter_agrees_with_bibtexparser(text: str) -> None:
    assert_fast_split_agrees(text)


def test_fast_splitter_takes_the_messy_files_it_can() -> None:
    taken = [p.name for p in messy_sources() if assert_fast_split_agrees(p.read_text("utf-8"))]
    assert "biblatex-zotero.bib" in taken and "bibtex-classic.bib" in taken


# ---------------------------------------------------------------------------- name fast paths
NAME_WORDS = st.sampled_from([
    "Smith", "van", "de", "Jr", "O'Neil", "Anne-Marie", "ÉCOLE", "élan", "1st", "X.", "J.",
    "Müller", "d'Arc", "DE", "von", "la", "Ñu", "-x", "ǅa", "ß", "A--B", "O''x", "$x$", "and",
    "AND", "{Org", "Inc}", "\\'e", "~", "others", "\t", "\n", " ",
])


@budget(300)
@given(words=st.lists(NAME_WORDS, max_size=8), sep=st.sampled_from([" ", ", ", ",", " and "]))
def test_name_fast_paths_agree_with_bibtexparser(words: list[str], sep: str) -> None:
    """``parse_bibtex_names`` splits name lists and parses "Family, Given" names without
    bibtexparser; the answers must be bibtexparser's (except for the bug below)."""
    from bibtexparser.middlewares.names import split_multiple_persons_names

    from citeconv import bibnames as names
    value = sep.join(words)
    stripped = value.strip(" \r\n\t")
    if "\\" not in value:
        assert (names._split_and(stripped) if stripped else []) == \
            split_multiple_persons_names(value)
    for piece in names._split_and(stripped) if stripped else []:
        text = " ".join(piece.split())
        if text and names._SIMPLE_NAME.fullmatch(text):
            fast = names.parse_bibtex_name.__wrapped__(text)
            names_simple = names._SIMPLE_NAME
            try:
                names._SIMPLE_NAME = re.compile(r"(?!)")  # force the general path
                slow = names.parse_bibtex_name.__wrapped__(text)
            finally:
                names._SIMPLE_NAME = names_simple
            assert fast == slow


def test_name_after_and_keeps_its_leading_accent() -> None:
    """bibtexparser's splitter drops ``\\'`` here (``Etienne``); ours keeps the name whole."""
    from citeconv.names import parse_bibtex_names
    assert [n.given for n in parse_bibtex_names("Doe, Jane and \\'Etienne Dupont")] == [
        "Jane", "\u00c9tienne"]
    assert [n.given for n in parse_bibtex_names("{Org A} and \\'Etienne Dupont")] == [
        "", "\u00c9tienne"]


def test_many_duplicate_keys_get_suffixes_in_linear_time() -> None:
    """30,000 entries with one key (or none: all 'anon') took minutes when each duplicate
    searched its suffix from 'a' again; the suffixes themselves are unchanged."""
    from citeconv import keys
    from citeconv.model import Record
    out = keys.assign_keys([Record(id="dup", type="book") for _ in range(30_000)])
    assert [r.id for r in out[:4]] == ["dup", "dupa", "dupb", "dupc"]
    assert out[27].id == "dupaa"
    assert len({r.id.lower() for r in out}) == 30_000
    mixed = keys.assign_keys([Record(id=i, type="book") for i in
                              ["a", "A", "aa", "a", "a", "Ab", "a"]])
    assert [r.id for r in mixed] == ["a", "Aa", "aaa", "ab", "ac", "Aba", "ad"]


@pytest.mark.parametrize("text", ["[" * 100_000, '{"id": "a", "note": ' + "[" * 5000 + "]" * 5000
                                  + "}"])
def test_deeply_nested_json_is_a_clear_error(text: str) -> None:
    result = run(["convert", "--from", "csl-json", "-"], text.encode())
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "<stdin>:1: error: JSON nested too deeply (CSL-JSON needs 4 levels); nothing read "
        "[csl-json.syntax]\nciteconv: error: no entry could be converted (see the errors "
        "above)\n")
