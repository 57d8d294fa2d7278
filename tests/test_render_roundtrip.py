"""Rendering a listing directly and rendering the canonical BibTeX written for it give the same
output: the .bib citeconv writes is the truth."""
from __future__ import annotations

import pytest

from citeconv import api
from citeconv.keys import assign_keys
from conftest import ROOT

EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".bib", ".ris"))


@pytest.mark.parametrize("style", ["apa", "ieee", "chicago-author-date"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_listing_and_its_canonical_bibtex_render_alike(example, style):
    records = assign_keys(api.read(example.read_text(encoding="utf-8")).records)
    direct = api.write(records, "html", style=style)
    via_bib = api.write(api.read(api.write(records, "bibtex"), "bibtex").records, "html",
                        style=style)
    assert direct == via_bib
    assert direct.count('<div class="csl-entry">') == len(records)
