"""Project configuration: ``[tool.citeconv]`` in ``pyproject.toml``, or a ``citeconv.toml``.

Contract
- ``find_config(start)`` looks in ``start`` and its parents for ``citeconv.toml`` (whole file is
  the settings) or a ``pyproject.toml`` with a ``[tool.citeconv]`` table; the nearest wins, and
  in one directory ``citeconv.toml`` wins over ``pyproject.toml``. None if there is none.
- ``load_config(path)`` -> ``Config`` or ``ConfigError`` naming the file and line of an unknown
  setting or a value of the wrong type. Settings (all optional)::

      key-format = "{family}{year}{word}"   # convert, merge
      style = "apa"                          # convert, cite
      locale = "en-GB"                       # convert, cite
      [check]                                # ([tool.citeconv.check] in pyproject.toml)
      select = ["bad-doi", "duplicate-key"]
      ignore = ["unprotected-acronym"]
      strict = true

- ``Config.default_map()`` is click's ``default_map``: options given on the command line win.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TOP = {"key-format": str, "style": str, "locale": str, "check": dict}
_CHECK = {"select": list, "ignore": list, "strict": bool}


class ConfigError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Config:
    path: str
    settings: dict[str, Any] = field(default_factory=dict)

    def default_map(self) -> dict[str, dict[str, Any]]:
        s, check = self.settings, self.settings.get("check", {})
        out: dict[str, dict[str, Any]] = {"convert": {}, "merge": {}, "cite": {}, "check": {}}
        if "key-format" in s:
            out["convert"]["key_format"] = out["merge"]["key_format"] = s["key-format"]
        for name in ("style", "locale"):
            if name in s:
                out["convert"][name] = out["cite"][name] = s[name]
        for name in ("select", "ignore"):
            if name in check:
                out["check"][name] = (",".join(check[name]),)
        if "strict" in check:
            out["check"]["strict"] = check["strict"]
        return {k: v for k, v in out.items() if v}


def find_config(start: Path) -> Path | None:
    for directory in [start.resolve(), *start.resolve().parents]:
        own = directory / "citeconv.toml"
        if own.is_file():
            return own
        project = directory / "pyproject.toml"
        if project.is_file() and re.search(r"^\s*\[tool\.citeconv[\].]", project.read_text(
                encoding="utf-8", errors="replace"), re.MULTILINE):
            return project
    return None


def _line(text: str, key: str) -> int:
    m = re.search(rf'^\s*"?{re.escape(key)}"?\s*=', text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def load_config(path: Path) -> Config:
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("citeconv", {})
    _validate(path, text, data, _TOP, "")
    _validate(path, text, data.get("check", {}), _CHECK, "check.")
    return Config(str(path), data)


def _validate(path: Path, text: str, data: dict[str, Any], known: dict[str, type],
              prefix: str) -> None:
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{path}:{_line(text, key)}: unknown setting {prefix}{key!r}; "
                              f"known: {', '.join(prefix + k for k in known)}")
        if not isinstance(value, known[key]) or \
                known[key] is list and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}:{_line(text, key)}: {prefix}{key} must be a "
                              f"{'list of strings' if known[key] is list else known[key].__name__}")
