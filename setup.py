"""The wheel carries compiled catalogues: the .mo files are git-ignored, so building the wheel
(or `pip install .`) compiles each intake/translations/*/LC_MESSAGES/messages.po into it.
Everything else about the package is in pyproject.toml."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the tree: `make install` compiles it
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted(Path("intake/translations").glob("*/LC_MESSAGES/messages.po")):
            target = Path(self.build_lib) / po.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source)
            with target.open("wb") as out:
                write_mo(out, catalog, use_fuzzy=True)


setup(cmdclass={"build_py": BuildWithCatalogues})
