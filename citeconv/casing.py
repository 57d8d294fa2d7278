"""Case protection: which title words plain BibTeX styles would wrongly lower-case.

Contract
- Plain BibTeX styles (plain, plainnat, abbrv...) print a title with ``change.case$ "t"``: every
  letter is lower-cased except the first one, a capital after a colon and a space, and text in
  braces. ``split_word(word)`` says which parts of one title word the writer braces so that they
  print as written:
  * the whole word (its surrounding punctuation left outside the braces) when its capitals
    carry meaning: a capital after the first letter of a hyphen-separated part (``BERT``,
    ``NumPy``, ``GPT-4o``, ``R&D``) or a capital with digits (``T5``);
  * a part that is one of the reviewed ``PROPER_NOUNS`` (``Atari``, ``English``, ``Gaussian``,
    plural or possessive too: ``Gaussians``, ``Markov's``): only that part (``Non-{Gaussian}``);
  * the part after a colon glued to a capital (``Tuning:A`` -> ``Tuning:{A}``): BibTeX keeps a
    capital after a colon only when a space follows the colon.
- ``shouting(text)``: a title in capitals throughout (two words or more, no lower-case letter)
  gets no braces at all: bracing every word would be bracing the whole title, which is never done
  (plain styles print it in sentence case, as they print the input).
- ``needs_protection(word)`` is the whole-word test (both rules above, without the colon rule);
  the LaTeX decoder uses it to read back as plain text what the writer would brace again.
Pure functions over strings; no state.
"""
from __future__ import annotations

import re
from functools import lru_cache

#: punctuation around a word that stays outside its braces
WORD_PUNCT = ".,;:!?()[]\"'“”‘’"

#: capitalised words that plain BibTeX styles would wrongly lower-case in a title: languages,
#: peoples, countries and regions; people whose names name a method or a law; well-known
#: systems, games and sites. Reviewed by hand: a word that is also common in lower case
#: (Apple, Go, Rust, Windows, Web, Transformer, Green, Bloom) is NOT here, nor are words that
#: BibTeX styles already keep for other reasons (internal capitals: GitHub, YouTube, iOS).
PROPER_NOUNS = frozenset("""
English French German Germanic Spanish Italian Portuguese Dutch Flemish Russian Chinese Mandarin
Cantonese Japanese Korean Arabic Hindi Urdu Bengali Bangla Punjabi Gujarati Marathi Tamil Telugu
Kannada Malayalam Sinhala Nepali Sanskrit Persian Farsi Pashto Kurdish Turkish Azerbaijani Uzbek
Kazakh Mongolian Tibetan Burmese Thai Lao Khmer Vietnamese Indonesian Malay Filipino Tagalog
Greek Latin Hebrew Yiddish Aramaic Amharic Swahili Hausa Yoruba Igbo Zulu Xhosa Somali Wolof
Afrikaans Polish Czech Slovak Slovene Slovenian Croatian Serbian Bosnian Bulgarian Macedonian
Romanian Hungarian Finnish Estonian Latvian Lithuanian Swedish Danish Norwegian Icelandic Irish
Welsh Scottish Gaelic Basque Catalan Galician Ukrainian Belarusian Georgian Armenian Albanian
Maltese Esperanto Quechua Guarani Maori Hawaiian Inuktitut Cherokee Navajo Slavic Baltic Nordic
Scandinavian Celtic Semitic Bantu Dravidian Arab Arabian Persianate Hispanic Latino Balkan
Europe European America American Americas Africa African Asia Asian Australia Australian Oceania
Antarctica Eurasia Eurasian Mediterranean Caribbean Atlantic Pacific Arctic Antarctic Sahara
China India Indian Japan Korea Germany France Italy Spain Portugal Brazil Brazilian Mexico
Mexican Argentina Argentinian Chile Chilean Peru Peruvian Colombia Colombian Venezuela Cuba
Canada Canadian Russia Britain British England Scotland Wales Ireland Iceland Norway Sweden
Finland Denmark Switzerland Swiss Austria Austrian Belgium Belgian Netherlands Poland Greece
Hungary Romania Bulgaria Ukraine Israel Israeli Iran Iranian Iraq Iraqi Syria Syrian Egypt
Egyptian Ethiopia Ethiopian Kenya Kenyan Nigeria Nigerian Ghana Morocco Moroccan Algeria Tunisia
Pakistan Pakistani Afghanistan Bangladesh Bangladeshi Nepal Vietnam Indonesia Malaysia
Malaysian Singapore Philippines Taiwan Taiwanese Tokyo Beijing London Paris Berlin
Islam Islamic Muslim Christian Christianity Jewish Buddhist Hindu Catholic Protestant Bible
Biblical Quran Quranic Twitter Wikipedia Wikidata Wiktionary Reddit Facebook Google Microsoft
Amazon Yelp Weibo Baidu Tencent Alibaba Bitcoin Ethereum Linux Unix Android Python Java
JavaScript Fortran Haskell Prolog Lisp Scala Perl Ruby Julia Atari Gopher Minecraft Tetris
Sokoban Europarl Freebase Shakespeare Shakespearean Dickens Homer Homeric
Bayes Bayesian Gauss Gaussian Markov Markovian Euler Eulerian Fourier Newton Newtonian Monte
Carlo Boolean Dirichlet Hilbert Riemann Riemannian Lagrange Lagrangian Hamilton Hamiltonian
Laplace Laplacian Poisson Shapley Nash Turing Kalman Wiener Bernoulli Cauchy Lipschitz Hessian
Jacobian Wasserstein Kolmogorov Schrödinger Einstein Maxwell Boltzmann Dirac Feynman Hopfield
Hebbian Pareto Nyquist Shannon Voronoi Delaunay Dijkstra Lyapunov Gibbs Hastings Levenshtein
Zipf Viterbi Chomsky Chomskyan Kneser Kullback Leibler Jensen Wishart Weibull Hawkes Gumbel
Mahalanobis Banach Sobolev Hamming Huffman Lempel Ziv Kruskal Bellman Hoeffding Chernoff
Rademacher Vapnik Chervonenkis Nesterov Krylov Galerkin Runge Kutta Navier Stokes Ising Potts
Heisenberg Planck Hermite Hermitian Legendre Chebyshev Bessel Cholesky Lanczos Toeplitz
Vandermonde Kronecker Frobenius Grassmann Grassmannian Minkowski Euclid Euclidean Cartesian
Abelian Darwin Darwinian Aristotle Aristotelian Plato Platonic Socratic Kant Kantian Occam
Ockham Procrustes Kohonen Gabor Hough Fisher Pearson Spearman Kendall Bonferroni
""".split())

_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’|'|’|s)$")


def _proper(part: str) -> bool:
    """``part`` is a reviewed proper noun, maybe plural or possessive."""
    if part in PROPER_NOUNS:
        return True
    base = _POSSESSIVE.sub("", part)
    return base != part and base in PROPER_NOUNS


def _capitals_matter(core: str) -> bool:
    """Internal capitals in a hyphen-separated part, or a capital with digits."""
    if core[1:].islower() and (not core[:1].isupper() or core.partition("-")[0].isalpha()):
        return False  # the common case, decided without the loop below (same answer)
    for part in core.split("-"):
        if len(part) > 1 and any(c.isupper() for c in part[1:]):
            return True
        if part[:1].isupper() and any(c.isdigit() for c in part):
            return True
    return False


@lru_cache(maxsize=65536)  # the decoder asks for every braced word of every title
def needs_protection(word: str) -> bool:
    """True for a word the writer braces whole or in part: ``BERT``, ``GPT-4o``, ``LoRA``,
    ``T5``, ``Atari``, ``Non-Gaussian``. A capital that only starts a hyphen-separated part
    (``Few-Shot``) carries no meaning."""
    core = word.strip(WORD_PUNCT)
    return _capitals_matter(core) or (
        any(c.isupper() for c in core) and any(_proper(p) for p in core.split("-")))


def _split_core(core: str, after_colon: bool) -> list[tuple[str, bool]]:
    """(text, braced) pieces of one colon-free piece of a word, punctuation included."""
    inner = core.strip(WORD_PUNCT)
    if not inner:
        return [(core, False)]
    start = core.index(inner)
    head, tail = core[:start], core[start + len(inner):]
    if (after_colon and not head and inner[0].isupper()) or _capitals_matter(inner):
        pieces = [(inner, True)]
    elif any(c.isupper() for c in inner) and "-" in inner:
        parts = inner.split("-")
        pieces = []
        for i, part in enumerate(parts):
            pieces.append((part, _proper(part)))
            if i < len(parts) - 1:
                pieces.append(("-", False))
    else:
        pieces = [(inner, _proper(inner))]
    return [p for p in [(head, False), *pieces, (tail, False)] if p[0]]


def split_word(word: str) -> list[tuple[str, bool]]:
    """One title word (no white space) as ``(text, braced)`` pieces that join back to it."""
    if word.isascii() and word.islower():
        return [(word, False)]  # the common case: nothing to brace
    pieces: list[tuple[str, bool]] = []
    for i, chunk in enumerate(word.split(":")):
        if i:
            pieces.append((":", False))
        if chunk:
            pieces += _split_core(chunk, after_colon=i > 0)
    merged: list[tuple[str, bool]] = []
    for text, braced in pieces:  # neighbouring plain pieces joined: fewer, longer escapes
        if merged and not braced and not merged[-1][1]:
            merged[-1] = (merged[-1][0] + text, False)
        else:
            merged.append((text, braced))
    return merged


@lru_cache(maxsize=65536)  # title words repeat across a file
def braced_pieces(word: str) -> tuple[tuple[str, bool], ...] | None:
    """``split_word(word)`` when it braces something, else None (the common case)."""
    pieces = split_word(word)
    return tuple(pieces) if any(braced for _, braced in pieces) else None


def shouting(text: str) -> bool:
    """A title in capitals throughout: two words or more with capitals, no lower-case letter."""
    if any(c.islower() for c in text):
        return False
    return sum(1 for w in text.split() if any(c.isupper() for c in w)) >= 2


__all__ = ["PROPER_NOUNS", "WORD_PUNCT", "braced_pieces", "needs_protection", "split_word",
           "shouting"]
