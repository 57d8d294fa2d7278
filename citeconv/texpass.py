r"""LaTeX that citeconv does not interpret, carried through as is (issue 9, the fidelity rule).

Contract
- A command ``latex.decode`` does not know (``\noopsort{a}``, ``\href{u}{t}``, ``\relax``, ADS's
  ``\apj``) becomes a *pass-through span* in CSL rich text: ``<span class="tex">RAW</span>``, RAW
  being the command, a ``*``, and the ``[...]``/``{...}`` arguments right after it, byte for byte
  (a control word followed by nothing else keeps one space: ``\relax `` so ``\relax thing`` stays
  two words). ``latex.encode`` writes RAW back unchanged, so BibTeX output typesets as the input.
- ``safe_tex(raw)``: only RAW with balanced braces, no ``< >`` (rich text has no escape for them),
  no ``^^`` and none of the commands that read or write files, define or redefine commands or
  change catcodes (``\input``, ``\def``, ``\write``, ``\catcode``...) is passed through; anything
  else stays escaped text, so data from other sources (CSL-JSON) can never run TeX code.
- ``definitions(preamble)`` reads ``\newcommand``/``\renewcommand``/``\providecommand``/
  ``\DeclareRobustCommand`` (with ``*``, ``[n]``, ``[default]``), ``\def\name#1#2{...}`` and
  ``\let\a\b`` from ``@preamble`` text into a hashable ``Definitions``.
- ``readable(text, defs)`` replaces each pass-through span by what it prints: a command defined
  in ``defs`` is expanded (``#1``.. substituted, then decoded; nested definitions too, 8 levels at
  most), then the common LaTeX/biblatex ones in ``BUILTIN`` (``\textcopyright``, ``\href``,
  ``\mkbibquote``...); any other command prints the decoded text of its last ``{}`` argument
  (``\cite{k}`` -> ``k``, ``\tt`` -> nothing). Spaces left doubled are made one. Used for every
  output but BibTeX (CSL-JSON, rendered styles).
- ``passed_warning(name)`` / ``passed_name(warning)``: the decode warning for a passed-through
  command and its inverse, so readers can report each command once per file, not once per use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

TEX_OPEN = '<span class="tex">'
TEX_CLOSE = "</span>"
TEX_SPAN = re.compile(r'<span class="tex">([^<>]*)</span>')
_DENIED = frozenset("""
input include includeonly InputIfFileExists IfFileExists write immediate openout openin read
readline closeout closein special directlua luaexec latelua write18 ShellEscape catcode lccode
uccode mathcode sfcode delcode def edef gdef xdef let futurelet newcommand renewcommand
providecommand DeclareRobustCommand newenvironment renewenvironment csname endcsname
expandafter makeatletter makeatother usepackage RequirePackage documentclass begin end output
everypar everymath everyhbox everyvbox everyjob everyeof shipout errmessage errhelp batchmode
scrollmode nonstopmode errorstopmode jobname endinput dump scantokens detokenize unexpanded
noexpand afterassignment aftergroup loop repeat DeclareUnicodeCharacter newunicodechar
pdfprimitive primitive global long outer protected
""".split())
_COMMAND = re.compile(r"\\([a-zA-Z@]+|.)", re.S)
_WORD_END = re.compile(r"\\[a-zA-Z@]+ ?$")


def span(raw: str) -> str:
    return f"{TEX_OPEN}{raw}{TEX_CLOSE}"


def passed_warning(name: str) -> str:
    return f"LaTeX command \\{name} passed through"


def passed_name(warning: str) -> str | None:
    if warning.startswith("LaTeX command \\") and warning.endswith(" passed through"):
        return warning[len("LaTeX command \\"):-len(" passed through")]
    return None


def _group_end(text: str, pos: int) -> int:
    """``text[pos]`` is ``{``: the index after its matching ``}``, or -1."""
    depth = 0
    i = pos
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def arguments_end(text: str, pos: int) -> int:
    """End of the ``*``, ``[...]`` and ``{...}`` arguments that start right at ``pos``."""
    if text.startswith("*", pos):
        pos += 1
    while pos < len(text):
        if text[pos] == "{":
            end = _group_end(text, pos)
        elif text[pos] == "[":
            close = text.find("]", pos)
            end = close + 1 if close > 0 and not set(text[pos + 1:close]) & set("{}[") else -1
        else:
            break
        if end < 0:
            break
        pos = end
    return pos


def safe_tex(raw: str) -> bool:
    """True for LaTeX that may go into a .bib file as is (see the module contract)."""
    if not raw.startswith("\\") or "<" in raw or ">" in raw or "^^" in raw or "\n" in raw:
        return False
    depth = 0
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\":
            i += 2
            continue
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            return False
        i += 1
    if depth or raw.count("{") != raw.count("}"):  # BibTeX counts \{ and \} as braces too
        return False
    return not any(m.group(1) in _DENIED for m in _COMMAND.finditer(raw))


def needs_separator(raw: str, following: str) -> bool:
    """``{}`` is needed between ``raw`` and ``following`` (``\\relax`` then a letter)."""
    return bool(following[:1].isalpha() and _WORD_END.search(raw) and not raw.endswith(" "))


# ------------------------------------------------------------------ @preamble definitions
@dataclass(frozen=True, slots=True)
class Definitions:
    """Commands defined in ``@preamble``: ``(name, arity, body)``, first definition wins."""

    commands: tuple[tuple[str, int, str], ...] = ()

    def get(self, name: str) -> tuple[int, str] | None:
        for n, arity, body in self.commands:
            if n == name:
                return arity, body
        return None

    def names(self) -> frozenset[str]:
        return frozenset(n for n, _, _ in self.commands)


_DEFINER = re.compile(r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand|"
                      r"(?:Provide|Declare)TextCommandDefault)\s*\*?\s*"
                      r"(?:\{\s*\\([a-zA-Z@]+|.)\s*\}|\\([a-zA-Z@]+|.))\s*"
                      r"(?:\[\s*(\d)\s*\])?\s*(?:\[[^\]]*\])?\s*(?=\{)")
_DEF = re.compile(r"\\[egx]?def\s*\\([a-zA-Z@]+|.)((?:#\d)*)\s*(?=\{)")
_LET = re.compile(r"\\let\s*\\([a-zA-Z@]+|.)\s*=?\s*(\\[a-zA-Z@]+|\\.)")


@lru_cache(maxsize=256)
def definitions(preamble: str) -> Definitions:
    found: list[tuple[str, int, str]] = []
    for m in _DEFINER.finditer(preamble):
        end = _group_end(preamble, m.end())
        if end > 0:
            found.append((m.group(1) or m.group(2), int(m.group(3) or 0),
                          preamble[m.end() + 1:end - 1]))
    for m in _DEF.finditer(preamble):
        end = _group_end(preamble, m.end())
        if end > 0:
            found.append((m.group(1), len(m.group(2)) // 2, preamble[m.end() + 1:end - 1]))
    for m in _LET.finditer(preamble):
        found.append((m.group(1), 0, m.group(2)))
    seen: set[str] = set()
    unique = []
    for item in found:
        if item[0] not in seen:
            seen.add(item[0])
            unique.append(item)
    return Definitions(tuple(unique))


# ------------------------------------------------------------------ what it prints
def _split(raw: str) -> tuple[str, list[str]]:
    """``\\name*[o]{a}{b}`` -> ("name", ["a", "b"]) (optional arguments left out)."""
    m = _COMMAND.match(raw)
    if not m:
        return "", []
    name, pos, args = m.group(1), m.end(), []
    while pos < len(raw) and raw[pos] in " *":
        pos += 1
    while pos < len(raw):
        if raw[pos] == "{":
            end = _group_end(raw, pos)
            if end < 0:
                break
            args.append(raw[pos + 1:end - 1])
            pos = end
        elif raw[pos] == "[":
            close = raw.find("]", pos)
            if close < 0:
                break
            pos = close + 1
        else:
            break
    return name, args


#: what LaTeX and biblatex commands that ``latex.decode`` leaves to pass through print, as
#: definitions (a @preamble definition of the same name wins): these are not reported
BUILTIN = Definitions(tuple((name, arity, body) for name, (arity, body) in {
    "textcopyright": (0, "©"), "texttimes": (0, "×"), "textpm": (0, "±"), "textdollar": (0, "$"),
    "textmu": (0, "µ"), "textdiv": (0, "÷"), "textsection": (0, "§"), "textparagraph": (0, "¶"),
    "textonehalf": (0, "½"), "textonequarter": (0, "¼"), "textthreequarters": (0, "¾"),
    "textasciicaron": (0, "ˇ"), "textminus": (0, "−"), "textcent": (0, "¢"), "textyen": (0, "¥"),
    "textexclamdown": (0, "¡"), "textquestiondown": (0, "¿"), "textordfeminine": (0, "ª"),
    "textordmasculine": (0, "º"), "textperthousand": (0, "‰"), "textnumero": (0, "№"),
    "textquotesingle": (0, "'"), "hyphen": (0, "-"), "relax": (0, ""), "protect": (0, ""),
    "/": (0, ""), "+": (0, ""), "-": (0, ""), "bibstring": (1, "#1"), "mkbibquote": (1, "``#1''"),
    "enquote": (1, "``#1''"), "mkbibemph": (1, "\\emph{#1}"), "mkbibitalic": (1, "\\emph{#1}"),
    "mkbibbold": (1, "\\textbf{#1}"), "href": (2, "#2"), "autocap": (1, "#1"),
    **{accent: (1, f"{mark}#1") for accent, mark in (("~", "˜"), ("^", "ˆ"), ("'", "´"),
                                                       ("`", "`"), ('"', "¨"), ("=", "¯"),
                                                       (".", "˙"), ("u", "˘"), ("v", "ˇ"),
                                                       ("H", "˝"), ("c", "¸"), ("k", "˛"),
                                                       ("r", "˚"))},
    **{switch: (0, "") for switch in ("tt", "rm", "sf", "normalfont", "ttfamily", "rmfamily",
                                      "sffamily", "upshape", "mdseries", "selectfont")},
}.items()))


def _expand(raw: str, defs: Definitions, depth: int) -> str:
    from . import latex
    name, args = _split(raw)
    found = defs.get(name) or BUILTIN.get(name) if depth < 8 else None
    if found is None:
        return readable(latex.decode(args[-1], protect_case=False), defs, depth + 1) \
            if args and depth < 8 else ""
    arity, body = found
    used, rest = args[:arity], args[arity:]
    used += [""] * (arity - len(used))
    text = re.sub(r"#(\d)", lambda g: used[int(g.group(1)) - 1]
                  if 0 < int(g.group(1)) <= arity else "", body.replace("##", "\x00"))
    text = text.replace("\x00", "#") + "".join("{" + r + "}" for r in rest)
    return readable(latex.decode(text, protect_case=False), defs, depth + 1)


_EMPTY_NOCASE = re.compile(r'<span class="nocase">\s*</span>')
_SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)|^ +| +$")


def readable(text: str, defs: Definitions = Definitions(), depth: int = 0) -> str:
    """``text`` with every pass-through span replaced by what it prints (module contract)."""
    if TEX_OPEN not in text:
        return text
    text = TEX_SPAN.sub(lambda m: _expand(m.group(1), defs, depth), text)
    return text if depth else _SPACE_RUN.sub(lambda m: " " if m.start() else "",
                                             _EMPTY_NOCASE.sub("", text)).strip(" ")


def readable_csl(item: dict[str, Any], defs: Definitions) -> dict[str, Any]:
    """A CSL-JSON item with ``readable`` applied to its strings and name parts."""
    if not any(TEX_OPEN in v if isinstance(v, str) else isinstance(v, (list, dict)) and TEX_OPEN in
               str(v) for v in item.values()):
        return item  # the common case: nothing passed through
    out: dict[str, Any] = {}
    for key, value in item.items():
        if isinstance(value, str):
            out[key] = readable(value, defs)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            out[key] = [_readable_parts(n, defs) for n in value]
        elif isinstance(value, dict):
            out[key] = _readable_parts(value, defs)
        else:
            out[key] = value
    return out


def _readable_parts(parts: dict[str, Any], defs: Definitions) -> dict[str, Any]:
    """Name parts and date literals: no rich text there, so a brace group's nocase span that
    held passed-through LaTeX goes too."""
    return {k: _NOCASE_TAGS.sub("", readable(v, defs)) if isinstance(v, str) and TEX_OPEN in v
            else v for k, v in parts.items()}


_NOCASE_TAGS = re.compile(r'<span class="nocase">|</span>')


__all__ = ["TEX_OPEN", "TEX_CLOSE", "TEX_SPAN", "Definitions", "arguments_end", "definitions",
           "needs_separator", "passed_name", "passed_warning", "readable", "readable_csl",
           "safe_tex", "span"]


# ------------------------------------------------------------------ reports
PASSED_CODE = "bibtex.latex-command"


def report_once(diagnostics: list[Any], defined: frozenset[str]) -> list[Any]:
    """Diagnostics with the ``PASSED_CODE`` ones (``raw`` = the command's name) merged into one
    per command, at its first use, and dropped for commands ``defined`` in ``@preamble``."""
    uses: dict[str, int] = {}
    for d in diagnostics:
        if d.code == PASSED_CODE:
            uses[d.raw] = uses.get(d.raw, 0) + 1
    if not uses:
        return diagnostics
    out, seen = [], set()
    for d in diagnostics:
        if d.code != PASSED_CODE:
            out.append(d)
        elif d.raw not in defined and BUILTIN.get(d.raw) is None and d.raw not in seen:
            seen.add(d.raw)
            count = uses[d.raw]
            where = f"{count} uses, this is the first" if count > 1 else "used once"
            out.append(type(d)(d.code, f"{d.message}: LaTeX command \\{d.raw} is neither one "
                               "citeconv reads nor defined in @preamble; BibTeX output keeps "
                               "it as is, other formats print the text of its last argument "
                               f"({where})", d.line, d.file, d.severity, d.raw))
    return out
