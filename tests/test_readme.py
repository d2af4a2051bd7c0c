"""The README cannot drift from the code: its configuration table names exactly the variables the
code reads, with the defaults `Settings` has, and its layout table matches the tree."""

from __future__ import annotations

import re
import subprocess
from dataclasses import MISSING, fields

from intake.config import MB, Settings, _flag, _megabytes

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
# A variable read straight from a mapping: os.environ, env.get("X"), env["X"], os.getenv("X").
READ = re.compile(r"""(?:environ|env|getenv)(?:\.get)?[(\[]\s*["']([A-Z][A-Z0-9_]+)["']""")


def _table(heading: str) -> dict[str, list[str]]:
    """{each `name` in a row's first cell: the row's cells} of the first table under heading."""
    section = README.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and not set(cells[0]) <= {"-", ""}:
            for name in re.findall(r"`([^`]+)`", cells[0]):
                rows[name] = cells
    return rows


def _variables_read() -> set[str]:
    named = {spec.metadata["env"] for spec in fields(Settings) if "env" in spec.metadata}
    for package in ("intake", "workers"):
        for path in (REPO / package).rglob("*.py"):
            named |= set(READ.findall(path.read_text(encoding="utf-8")))
    return named


def _shown(spec) -> str:
    """A Settings default as the README writes it."""
    default, parse = spec.default, spec.metadata["parse"]
    if default is None:
        return "unset"
    if parse is _flag:
        return "1" if default else "0"
    if parse is _megabytes:
        return str(default // MB)
    return str(default)


def test_the_configuration_table_names_every_variable_the_code_reads_and_no_other():
    documented = set(_table("Configuration"))
    read = _variables_read()
    assert sorted(read - documented) == [], "read by the code, missing from the README"
    assert sorted(documented - read) == [], "in the README, read by no code"


def test_the_configuration_table_gives_each_settings_default():
    rows = _table("Configuration")
    for spec in fields(Settings):
        if "env" in spec.metadata and spec.default is not MISSING:
            default_cell = rows[spec.metadata["env"]][1]
            assert _shown(spec) in default_cell, spec.metadata["env"]


def test_the_layout_table_matches_the_tree():
    listed = set(_table("Layout"))
    for path in listed:
        assert (REPO / path).exists(), f"{path} is in the layout table but not in the tree"
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    tops = {name.split("/")[0] + "/" for name in tracked if "/" in name and name[0] != "."}
    assert sorted(tops - listed) == [], "top-level folders missing from the table"
    for folder in sorted((REPO / "intake").iterdir()):
        if folder.is_dir() and folder.name != "__pycache__":
            assert f"intake/{folder.name}/" in listed, f"intake/{folder.name}/ is not in the table"
    workers_row = " ".join(_table("Layout")["workers/"])
    for folder in sorted((REPO / "workers").iterdir()):
        if (folder / "__init__.py").exists():
            assert f"`{folder.name}/`" in workers_row, f"workers/{folder.name}/ is not described"


def test_every_relative_link_of_the_readme_and_docs_resolves():
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for link in re.findall(r"\]\(([^)#\s]+)", page.read_text(encoding="utf-8")):
            if not link.startswith(("http://", "https://", "mailto:")):
                assert (page.parent / link).exists(), f"{page.name} links to {link}"
