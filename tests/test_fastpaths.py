"""Fast paths for speed (bench/convert_speed.py) give exactly what the full paths give.

Each fast path is checked against the path it shortcuts on generated inputs (hypothesis,
derandomized), inputs built from the characters that path looks at, so that the cases where
it must decline (nested or unbalanced braces, LaTeX commands, dashes) come up often.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeconv import latex
from citeconv.model import Date, Name, Record
from citeconv.readers import _bibentry as bibtex

#: brace groups, colons (a capital after one), capitals (acronyms), spaces of every kind, the
#: decoder's own marks and tags, non-ASCII letters (NFC), a backslash now and then
BRACED_TEXT = st.text(alphabet="{}{}:  \t\nAaBTdeGPS-'<>/\"ü\u0308\ue000\ue001\\~$-`'–",
                      max_size=30)
WORDS = st.lists(st.sampled_from(["{BERT}", "{A}", "{a}", "{Few-Shot}", "{}", "{Deep Learning}",
                                  "Tuning:{A}", "{N}on", "{i}OS", "{English}", "{<i>x</i>}",
                                  "{{", "}", "{b}c}", "of", "BERT", ":", "-", "--", "\\'e", "1--10",
                                  "---", "----", "``", "'''", "~"]),
                 max_size=6).map(" ".join)


def _both(value: str, protect_case: bool, rebrace: bool) -> tuple[object, object]:
    fast = latex._Decoder(value, protect_case, rebrace)
    slow = latex._Decoder(value, protect_case, rebrace)
    result = fast.flat_groups() if latex._NOT_FLAT.search(value) is None else None
    return result, (slow.group(0), slow.warnings)


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(BRACED_TEXT | WORDS, st.booleans(), st.booleans())
def test_flat_brace_groups_decode_as_the_tokenizer_does(value, protect_case, rebrace):
    fast, (slow, warnings) = _both(value, protect_case, rebrace)
    if fast is not None:
        assert fast == slow and warnings == []


def test_the_flat_path_is_taken_for_titles_and_declines_otherwise():
    assert _both("{BERT}: Pre-training of {Deep} Transformers", True, True)[0] is not None
    assert _both("{{Nested}} groups", True, True)[0] is None
    assert _both("one } too many {", True, True)[0] is None
    assert _both("a {b} c --- d ``e'' f~g", True, True)[0] == \
        'a <span class="nocase">b</span> c — d “e” f\u00a0g'
    assert _both("1--10", False, True)[0] == "1–10"
    assert _both("a {b} \\c", True, True)[0] is None  # a command: the full tokenizer
    assert _both("a $x$", True, True)[0] is None  # math: the full tokenizer


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(st.text(alphabet='{}{}a "\\#', max_size=16), st.sampled_from(["{}", '""']))
def test_flat_braced_values_read_as_the_brace_counter_reads_them(inner, delimiters):
    """readers._bibentry.resolve_value takes ``{`` + text + ``}`` (or ``"`` + text + ``"`` when
    it holds no quote) whole when the text's braces are flat groups (``_FLAT_BRACES``), without
    counting them one by one (``_balanced_end``): the same answer as with that shortcut off."""
    raw = delimiters[0] + inner + delimiters[1]
    fast = bibtex.resolve_value(raw, {})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bibtex, "_FLAT_BRACES", re.compile(r"(?!)"))  # never matches
        assert fast == bibtex.resolve_value(raw, {})


FIELD_VALUES = st.one_of(st.sampled_from(["", (), None, 0, False, [], {}, Date(), Name()]),
                         st.text(max_size=2), st.tuples(st.just(Name("A"))),
                         st.builds(Date, literal=st.text(max_size=1)))


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.dictionaries(st.text(max_size=3), FIELD_VALUES, max_size=6))
def test_records_keep_the_fields_they_always_kept(fields):
    """Record.__post_init__ decides text and names by type, without ``==``: the fields kept
    are still exactly those ``not in ("", (), None)``."""
    expected = {k: v for k, v in fields.items() if v not in ("", (), None)}
    assert dict(Record("k", "book", fields).fields) == expected
    assert dict(Record("k", "book", list(fields.items())).fields) == expected  # pairs too


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(st.text(alphabet="  \t\n\r\f\v\u00a0\u2028\x00ab", max_size=12))
def test_squash_skips_the_regex_only_when_it_would_change_nothing(text):
    assert latex._squash(text) == latex._SPACES.sub(" ", text).strip(" ")


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.text(alphabet="novaZé1_-{} #\"", max_size=8),
       st.dictionaries(st.sampled_from(["nov", "acl", "é", "x1"]), st.text(max_size=3), max_size=2))
def test_a_bare_word_reads_as_the_piece_loop_reads_it(word, macros):
    """resolve_value takes a value of letters only (``nov``, a macro) without the piece loop:
    the same text and problems as the loop gives it with an empty piece joined on."""
    text, problems = bibtex.resolve_value(word, macros)
    if word.strip().isalpha():
        assert (text, problems) == bibtex.resolve_value(word + ' # ""', macros)


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.text(alphabet="ab\r\n \u00e9\ufeff\u200b\u00ad\u00a0\u3000\u2009", max_size=12))
def test_clean_input_skips_translating_only_when_it_would_change_nothing(text):
    from citeconv.readers import _text
    expected = text.replace("\r\n", "\n").replace("\r", "\n").translate(
        _text._DELETE).translate(_text._SPACES)
    assert _text.clean_input(text) == expected
