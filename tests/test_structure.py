"""Architecture checks: readers and writers never import each other or the CLI; the public
API resolves; every module states its contract; BibTeX conversion stays off nameparser."""
from __future__ import annotations

import ast
import subprocess
import sys

import pytest

import citeconv
from conftest import ROOT

PACKAGE = ROOT / "citeconv"


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add(("." * node.level) + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("layer, forbidden", [
    ("readers", ("writers", "cli", "render")), ("writers", ("readers", "cli")),
    ("render", ("readers", "writers", "cli")),
])
def test_layers_do_not_import_each_other(layer, forbidden):
    for path in (PACKAGE / layer).glob("*.py"):
        for module in _imports(path):
            name = module.lstrip(".")
            assert not any(name == f or name.startswith(f + ".") or
                           name.startswith(f"citeconv.{f}") for f in forbidden), (path, module)


def test_public_api_resolves():
    for name in citeconv.__all__:
        assert getattr(citeconv, name) is not None


def test_every_module_opens_with_a_docstring():
    missing = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
               if p.name != "__main__.py" and not ast.get_docstring(ast.parse(p.read_text()))]
    assert missing == []


def test_version_does_not_import_click_and_bibtex_does_not_import_nameparser():
    code = ("import sys, runpy; sys.argv=['citeconv','--version']; "
            "from citeconv._entry import run; run(); print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('click','nameparser','citeproc','bibtexparser')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.splitlines() == ["citeconv, version " + citeconv.__version__, "[]"]
    code = ("import sys; from citeconv import api; api.read('@misc{a, author={Doe, J.}}', "
            "'bibtex'); print('nameparser' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True,
                          text=True).stdout.strip() == "False"
