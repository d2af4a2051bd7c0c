"""What the wheel carries besides pyproject.toml's package data (everything else about the
package is there):

- the compiled catalogues: the .mo files are git-ignored, so building the wheel (or
  `pip install .`) compiles each intake/translations/*/LC_MESSAGES/messages.po into it;
- the top-level templates/ and migrations/, copied in as intake/templates/ and
  intake/migrations/: the repository keeps them beside intake/ (the project's layout), an
  installed copy finds them inside the package (intake/paths.py resolves either).

An editable install reads the checkout itself, so it gets neither (`make install` compiles the
catalogues in the tree).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED_INTO_PACKAGE = ("templates", "migrations")


class BuildWithCataloguesAndTopLevelData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        self.compile_catalogues()
        self.copy_top_level_data()

    def compile_catalogues(self) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted(Path("intake/translations").glob("*/LC_MESSAGES/messages.po")):
            target = Path(self.build_lib) / po.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source)
            with target.open("wb") as out:
                write_mo(out, catalog, use_fuzzy=True)

    def copy_top_level_data(self) -> None:
        for name in SHIPPED_INTO_PACKAGE:
            target = Path(self.build_lib) / "intake" / name
            shutil.rmtree(target, ignore_errors=True)  # nothing left from an earlier build
            shutil.copytree(name, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithCataloguesAndTopLevelData})
