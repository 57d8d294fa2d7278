"""arXiv subject classes, and the short codes paper-listing sites show for them.

Contract
- ``CATEGORIES`` is the arXiv taxonomy (archive.subject → English name), aliases included.
- ``resolve(code)`` turns what a listing page shows (``CL``, ``ML``, ``quant-ph``, ``stat-mech``,
  ``cs.CL``) into a canonical category (``cs.CL``, ``stat.ML``, ``quant-ph``,
  ``cond-mat.stat-mech``, ``cs.CL``), or ``None`` when it is not an arXiv class.
  A bare two-letter code shared by several archives resolves in the order of ``_PRIORITY``
  (cs, stat, eess, math, …): the listings citeconv reads are mostly machine-learning pages.
- ``candidates(code)``: every category a bare code can stand for, the ``resolve`` one first
  (aliases of one class count once: ``SY`` is eess.SY = cs.SY). ``ambiguous(code)``: several
  candidates and the default is not a ``cs`` class (on machine-learning pages a bare ``CV`` is
  cs.CV; a bare ``CO`` may be stat.CO, math.CO or astro-ph.CO and deserves a warning).
- ``cued(options, text)``: of several candidate categories, the only one whose subject words
  (``cosmolog…``, ``graph``, ``Monte Carlo``…) occur in ``text``; None when none or several do.
- ``is_category(text)`` says whether ``text`` is a full category id (``hep-th``, ``math.CO``).
"""
from __future__ import annotations

from types import MappingProxyType

_TABLE = {
    "cs": "AI Artificial Intelligence|AR Hardware Architecture|CC Computational Complexity|"
          "CE Computational Engineering, Finance, and Science|CG Computational Geometry|"
          "CL Computation and Language|CR Cryptography and Security|"
          "CV Computer Vision and Pattern Recognition|CY Computers and Society|DB Databases|"
          "DC Distributed, Parallel, and Cluster Computing|DL Digital Libraries|"
          "DM Discrete Mathematics|DS Data Structures and Algorithms|ET Emerging Technologies|"
          "FL Formal Languages and Automata Theory|GL General Literature|GR Graphics|"
          "GT Computer Science and Game Theory|HC Human-Computer Interaction|"
          "IR Information Retrieval|IT Information Theory|LG Machine Learning|"
          "LO Logic in Computer Science|MA Multiagent Systems|MM Multimedia|"
          "MS Mathematical Software|NA Numerical Analysis|NE Neural and Evolutionary Computing|"
          "NI Networking and Internet Architecture|OH Other Computer Science|"
          "OS Operating Systems|PF Performance|PL Programming Languages|RO Robotics|"
          "SC Symbolic Computation|SD Sound|SE Software Engineering|SI Social and Information "
          "Networks|SY Systems and Control",
    "stat": "AP Applications|CO Computation|ME Methodology|ML Machine Learning|"
            "OT Other Statistics|TH Statistics Theory",
    "eess": "AS Audio and Speech Processing|IV Image and Video Processing|"
            "SP Signal Processing|SY Systems and Control",
    "math": "AC Commutative Algebra|AG Algebraic Geometry|AP Analysis of PDEs|"
            "AT Algebraic Topology|CA Classical Analysis and ODEs|CO Combinatorics|"
            "CT Category Theory|CV Complex Variables|DG Differential Geometry|"
            "DS Dynamical Systems|FA Functional Analysis|GM General Mathematics|"
            "GN General Topology|GR Group Theory|GT Geometric Topology|HO History and Overview|"
            "IT Information Theory|KT K-Theory and Homology|LO Logic|MG Metric Geometry|"
            "MP Mathematical Physics|NA Numerical Analysis|NT Number Theory|"
            "OA Operator Algebras|OC Optimization and Control|PR Probability|"
            "QA Quantum Algebra|RA Rings and Algebras|RT Representation Theory|"
            "SG Symplectic Geometry|SP Spectral Theory|ST Statistics Theory",
    "astro-ph": "CO Cosmology and Nongalactic Astrophysics|EP Earth and Planetary Astrophysics|"
                "GA Astrophysics of Galaxies|HE High Energy Astrophysical Phenomena|"
                "IM Instrumentation and Methods for Astrophysics|SR Solar and Stellar "
                "Astrophysics",
    "cond-mat": "dis-nn Disordered Systems and Neural Networks|mes-hall Mesoscale and "
                "Nanoscale Physics|mtrl-sci Materials Science|other Other Condensed Matter|"
                "quant-gas Quantum Gases|soft Soft Condensed Matter|stat-mech Statistical "
                "Mechanics|str-el Strongly Correlated Electrons|supr-con Superconductivity",
    "physics": "acc-ph Accelerator Physics|ao-ph Atmospheric and Oceanic Physics|"
               "app-ph Applied Physics|atm-clus Atomic and Molecular Clusters|"
               "atom-ph Atomic Physics|bio-ph Biological Physics|chem-ph Chemical Physics|"
               "class-ph Classical Physics|comp-ph Computational Physics|"
               "data-an Data Analysis, Statistics and Probability|ed-ph Physics Education|"
               "flu-dyn Fluid Dynamics|gen-ph General Physics|geo-ph Geophysics|"
               "hist-ph History and Philosophy of Physics|ins-det Instrumentation and "
               "Detectors|med-ph Medical Physics|optics Optics|plasm-ph Plasma Physics|"
               "pop-ph Popular Physics|soc-ph Physics and Society|space-ph Space Physics",
    "q-bio": "BM Biomolecules|CB Cell Behavior|GN Genomics|MN Molecular Networks|"
             "NC Neurons and Cognition|OT Other Quantitative Biology|PE Populations and "
             "Evolution|QM Quantitative Methods|SC Subcellular Processes|TO Tissues and Organs",
    "q-fin": "CP Computational Finance|EC Economics|GN General Finance|MF Mathematical "
             "Finance|PM Portfolio Management|PR Pricing of Securities|RM Risk Management|"
             "ST Statistical Finance|TR Trading and Market Microstructure",
    "econ": "EM Econometrics|GN General Economics|TH Theoretical Economics",
    "nlin": "AO Adaptation and Self-Organizing Systems|CD Chaotic Dynamics|"
            "CG Cellular Automata and Lattice Gases|PS Pattern Formation and Solitons|"
            "SI Exactly Solvable and Integrable Systems",
}
#: archives without subject classes
_PLAIN = {
    "gr-qc": "General Relativity and Quantum Cosmology", "hep-ex": "High Energy Physics - "
    "Experiment", "hep-lat": "High Energy Physics - Lattice", "hep-ph": "High Energy Physics - "
    "Phenomenology", "hep-th": "High Energy Physics - Theory", "math-ph": "Mathematical Physics",
    "nucl-ex": "Nuclear Experiment", "nucl-th": "Nuclear Theory", "quant-ph": "Quantum Physics",
    "astro-ph": "Astrophysics", "cond-mat": "Condensed Matter", "nlin": "Nonlinear Sciences",
}
#: a bare subject code resolves to the first archive here that has it
_PRIORITY = ("cs", "stat", "eess", "math", "q-bio", "q-fin", "econ", "astro-ph", "nlin",
             "cond-mat", "physics")
#: canonical class for a bare code whose arXiv primary is an alias elsewhere
_CANONICAL = {"SY": "eess.SY", "NA": "math.NA", "IT": "cs.IT"}

CATEGORIES: dict[str, str] = dict(_PLAIN)
for _archive, _subjects in _TABLE.items():
    for _item in _subjects.split("|"):
        _code, _, _name = _item.partition(" ")
        CATEGORIES[f"{_archive}.{_code}"] = _name

_BY_CODE: dict[str, str] = {}
for _archive in reversed(_PRIORITY):
    for _item in _TABLE[_archive].split("|"):
        _BY_CODE[_item.partition(" ")[0]] = f"{_archive}.{_item.partition(' ')[0]}"
_BY_CODE.update(_CANONICAL)
for _plain in _PLAIN:
    _BY_CODE[_plain] = _plain
_BY_CODE = MappingProxyType(_BY_CODE)  # built once above, read-only from here on
CATEGORIES = MappingProxyType(CATEGORIES)


def is_category(text: str) -> bool:
    return text in CATEGORIES


_ALIASES = frozenset({"cs.SY", "eess.SY", "cs.NA", "math.NA", "cs.IT", "math.IT", "math.MP",
                      "math-ph", "stat.TH", "math.ST", "q-fin.EC", "econ.GN"})


def candidates(code: str) -> tuple[str, ...]:
    """Every category a bare listing code can stand for, the default first."""
    code = code.strip()
    first = resolve(code)
    if first is None:
        return ()
    if "." in code or "-" in code:
        return (first,)
    others = [f"{a}.{code}" for a in _PRIORITY if f"{a}.{code}" in CATEGORIES
              and f"{a}.{code}" != first]
    if first in _ALIASES:
        others = [o for o in others if o not in _ALIASES]
    return (first, *others)


_CUES = {  # subject words of the classes that share a bare code; general vocabulary
    "astro-ph.CO": r"cosmolog|dark (?:energy|matter)|cosmic microwave|\bCMB\b|baryon acoustic|"
                   r"hubble|redshift|galax|inflation(?:ary)?\b|large-scale structure|\bplanck\b",
    "math.CO": r"\bgraphs?\b|combinatori|hypergraph|hypercube|permutation|ramsey|matroid|"
               r"polytope|partitions? of|tableau|coloring|colouring",
    "stat.CO": r"monte carlo|\bmcmc\b|sampler|markov chain|bootstrap|\bR package|"
               r"numerical integration|computational statistics",
    "math.AP": r"partial differential|\bpdes?\b|navier|sobolev|elliptic|parabolic|hyperbolic "
               r"equation",
    "stat.AP": r"clinical|epidemiolog|survey data|census|patients|case study",
}


def cued(options: tuple[str, ...], text: str) -> str | None:
    """The only candidate whose subject words occur in ``text`` (see the contract)."""
    import re
    hits = [o for o in options if o in _CUES and re.search(_CUES[o], text, re.IGNORECASE)]
    return hits[0] if len(hits) == 1 else None


def ambiguous(code: str) -> bool:
    """Several candidates and a default outside ``cs`` (see the module contract)."""
    found = candidates(code)
    return len(found) > 1 and not found[0].startswith("cs.")


def resolve(code: str) -> str | None:
    """Listing-page category code -> canonical arXiv category, or None."""
    code = code.strip()
    if code in CATEGORIES:
        return code
    return _BY_CODE.get(code)
