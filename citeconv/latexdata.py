"""Tables shared by the LaTeX decoder (``latex``) and encoder (``latexenc``).

Contract: accent commands to combining characters and back, symbol commands to characters,
the nocase span and tag patterns of CSL rich text, and ``safe_math`` — the test that TeX math
has balanced braces and no denied command (kept verbatim; anything else is text).
"""
from __future__ import annotations

import re

from .texpass import _DENIED

# accent command -> combining character
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331", "t": "\u0361",
}
_COMBINING_TO_ACCENT = {v: k for k, v in _ACCENTS.items()}
_SYMBOLS = {
    "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
    "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ",
    "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_",
    "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "textellipsis": "…", "ldots": "…",
    "dots": "…", "S": "§", "P": "¶", "copyright": "©", "textregistered": "®",
    "texttrademark": "™", "pounds": "£", "euro": "€", "textdegree": "°", "textbar": "|",
    "textbraceleft": "{", "textbraceright": "}", "textless": "<", "textgreater": ">", "guillemotleft": "«", "guillemotright": "»",
    "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "textperiodcentered": "·",
    "slash": "/", "-": "", "/": "", ",": "\u202f", "textbullet": "•", "textdagger": "†",
    "i ": "ı", "nobreakspace": "\u00a0", "quad": "\u2003", "checkmark": "✓",
    "textdollar": "$",  # (passed through, biber reads it as a math shift)
}
_NOCASE = '<span class="nocase">'
_TAG = re.compile(r"<[^<>]*>")


#: commands allowed inside math kept verbatim; anything else (\input, \def, \write...) makes the
#: math plain text, escaped on output: data can never run TeX code
_MATH_COMMANDS = frozenset("""
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi
varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi
Pi Sigma Upsilon Phi Psi Omega log ln lg exp sin cos tan cot sec csc arcsin arccos arctan sinh
cosh tanh min max sup inf lim limsup liminf arg det dim ker hom Pr gcd deg mod bmod pmod cdot
cdots ldots dots vdots ddots times div pm mp ast star circ bullet leq le geq ge leqslant
geqslant neq ne approx sim simeq cong equiv propto ll gg prec succ preceq succeq subset subseteq
supset supseteq in notin ni cup cap bigcup bigcap setminus emptyset varnothing forall exists neg
lnot land lor wedge vee oplus otimes odot to gets rightarrow leftarrow Rightarrow Leftarrow
leftrightarrow Leftrightarrow longrightarrow mapsto infty partial nabla sum prod coprod int iint
oint sqrt frac dfrac tfrac binom left right big Big bigg Bigg bigl bigr Bigl Bigr mathcal mathbb
mathbf mathrm mathit mathsf mathtt mathfrak mathscr boldsymbol bm text textrm textit textbf
textsc operatorname hat tilde bar vec dot ddot breve check acute grave overline underline
widehat widetilde overrightarrow prime ell hbar imath jmath aleph wp Re Im mid vert Vert lvert
rvert lVert rVert langle rangle lfloor rfloor lceil rceil quad qquad colon top bot perp parallel
triangle square Box models vdash dashv sharp flat natural not smallsetminus uparrow downarrow
""".split())
_MATH_COMMAND = re.compile(r"\\([a-zA-Z]+)|\\(.)|([#&%$])", re.S)


def safe_math(inner: str) -> bool:
    """True for TeX math with balanced braces and no command that could do harm (``texpass``'s
    denied list: \\def, \\input, \\write...): the known math commands and any other one
    (``\\hspace``, ``\\mathrel``, a journal's own macro) stay math, as the fidelity rule asks."""
    if not inner.strip() or inner.count("{") != inner.count("}"):
        return False
    depth = 0
    for ch in inner.replace("\\{", "").replace("\\}", ""):
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            return False
    for m in _MATH_COMMAND.finditer(inner):
        word, symbol, bare = m.groups()
        if bare or (word is not None and word not in _MATH_COMMANDS and word in _DENIED) \
                or symbol == "\n":
            return False
    return True
