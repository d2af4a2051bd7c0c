"""`pip install .` works outside the checkout: the wheel holds every file the app and the workers
read at run time, and the installed code serves the form from an unrelated directory.

The wheel is built once per session with the venv's own setuptools and `build` (no build
isolation: nothing is downloaded), from the sdist as `python -m build` does, and unpacked as pip
would install a pure-Python wheel. The checkout keeps templates/ and migrations/ at the top
level; the build copies them into the package (setup.py, MANIFEST.in).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGES = ("intake", "workers")
# Top-level directories of the checkout the wheel carries inside the intake package (setup.py).
SHIPPED_INTO_PACKAGE = ("templates", "migrations")
# What building from a clone reads besides those: the metadata, the build steps, the sdist's list.
BUILD_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in")
# In the tree, never read at run time: the extraction template `pybabel update` starts from.
NOT_SHIPPED = {"intake/translations/messages.pot"}


def _files_under(directory: str) -> set[str]:
    return {
        path.relative_to(REPO).as_posix()
        for path in (REPO / directory).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".mo", ".pyc"}
    }


def _runtime_files() -> set[str]:
    """Every file under the packages and the top-level templates/ and migrations/, as the
    wheel must name it: modules, templates (as intake/templates/), static files, migrations (as
    intake/migrations/), data, models; a catalogue's .mo (git-ignored) is compiled into the wheel
    from its .po."""
    found = set().union(*map(_files_under, PACKAGES)) - NOT_SHIPPED
    for directory in SHIPPED_INTO_PACKAGE:
        found |= {f"intake/{name}" for name in _files_under(directory)}
    return found | {n.removesuffix(".po") + ".mo" for n in found if n.endswith(".po")}


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy of what a clone has (no build/ left over, no compiled catalogue)."""
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_FILES:
        shutil.copy(REPO / name, source)
    for directory in (*PACKAGES, *SHIPPED_INTO_PACKAGE):
        skipped = shutil.ignore_patterns("__pycache__", "*.mo")
        shutil.copytree(REPO / directory, source / directory, ignore=skipped)
    out = tmp_path_factory.mktemp("wheel")
    # The sdist first, then the wheel from the sdist: both must carry templates/ and migrations/.
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--skip-dependency-check",
         "--outdir", str(out), str(source)],
        check=True,
        cwd=source,
        capture_output=True,
    )  # fmt: skip
    (built,) = out.glob("intake-*.whl")
    return built


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def test_the_wheel_holds_every_runtime_file(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        catalogue = archive.read("intake/translations/es/LC_MESSAGES/messages.mo")
    assert sorted(_runtime_files() - names) == []
    assert "Enviar" in catalogue.decode("utf-8", "replace")  # compiled, with Spanish in it
    assert not any(name.startswith(("tests/", "bench/", "scripts/")) for name in names)


RENDER = """
import sys
from pathlib import Path
import intake, workers.route.schema as schema, workers.anonymize.lexicon as lexicon
import intake.paths, workers.digest.content as digest, workers.i18n as i18n
for found in (intake.__file__, intake.paths.TEMPLATES, intake.paths.MIGRATIONS, digest.TEMPLATES,
              i18n.TRANSLATIONS):
    assert Path(found).is_relative_to(sys.argv[1]), found  # the wheel's copies, not a checkout's
from intake import create_app
app = create_app()
with app.test_client() as client:
    page = client.get("/report")
    spanish = client.get("/report?lang=es")
assert page.status_code == 200, page.status_code
assert b'name="narrative"' in page.data and b"/static/site.css" in page.data
assert client.get("/static/site.css").status_code == 200
english_heading = b"Report a civil-rights violation by local police"
assert english_heading in page.data and english_heading not in spanish.data
assert b'lang="es"' in spanish.data
# A staff digest of an empty day, from the email templates the wheel carries.
from datetime import datetime
day = {"period": "daily", "start": datetime(2026, 11, 16), "end": datetime(2026, 11, 17),
       "scope": None, "queues": [], "total": 0, "previous_total": 0, "urgent_unassigned": 0,
       "overdue": 0, "agencies": [], "categories": [], "summaries": None,
       "links": {"queue": "/staff/", "settings": "/staff/settings", "report": "/r/{id}"}}
email = digest.build_digest(day, i18n.translator("es"))  # the wheel's compiled catalogue
assert '<html lang="es">' in email.html and email.text.strip(), email.html[:200]
assert "No llegó ningún reporte nuevo en este periodo." in email.text, email.text
assert schema.load_rules(schema.default_rules_path()).queues
single, multi = lexicon.places()
assert single and multi
# What `celery -A workers.celery_app worker` loads before it takes a task.
from workers.celery_app import celery_app
celery_app.loader.import_default_modules()
assert any(name.endswith("process_report") for name in celery_app.tasks), sorted(celery_app.tasks)
print("served")
"""


def _run(args: list[str], cwd: Path, installed: Path) -> str:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(cwd),
        "PYTHONPATH": str(installed),  # before site-packages, and before the editable finder
        "DATABASE_URL": f"sqlite:///{cwd / 'intake.sqlite'}",
    }
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_installed_wheel_sets_up_and_serves_the_form_from_another_directory(
    installed: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    flask = [sys.executable, "-m", "flask", "--app", "intake"]
    # `setup` is `db upgrade` and the agency lists, read from the package (what `make run` and
    # compose's migrate step run first).
    done = _run([*flask, "setup"], elsewhere, installed)
    assert "agencies from participatingAgencies07182025pm.xlsx:" in done
    assert "served" in _run([sys.executable, "-c", RENDER, str(installed)], elsewhere, installed)
    # The embedded secrets went to the working directory's instance/, not into the package.
    assert (elsewhere / "instance" / "secrets.json").exists()
    assert not (installed / "instance").exists()


def test_the_image_copies_only_what_pip_needs_and_runs_outside_the_source():
    """The Dockerfile builds the wheel from the files the wheel test builds it from, and its
    processes start in a directory that holds no source (nothing found by the working directory)."""
    lines = [line.split() for line in (REPO / "Dockerfile").read_text().splitlines()]
    copied = {Path(word).name for line in lines if line[:1] == ["COPY"] for word in line[1:-1]}
    assert copied == {"requirements-runtime.lock", *BUILD_FILES, *PACKAGES, *SHIPPED_INTO_PACKAGE}
    workdir = [line[1] for line in lines if line[:1] == ["WORKDIR"]][-1]
    sources = {line[-1].rstrip("/") for line in lines if line[:1] == ["COPY"]}
    # Absolute destinations (a relative one lands in some WORKDIR), none under the last WORKDIR.
    assert all(s.startswith("/") and not s.startswith(workdir) for s in sources), sources


def test_the_checkout_keeps_templates_and_migrations_at_the_top_level():
    """The project's layout: templates/ (grouped like the blueprints, the emails in email/) and
    migrations/ beside intake/ and workers/; only a built wheel has them inside the package, and
    a checkout reads its own top-level copies."""
    import intake.paths
    import workers.digest.content

    for directory in ("public", "staff", "email"):
        assert (REPO / "templates" / directory).is_dir(), directory
    for name in ("alembic.ini", "env.py", "script.py.mako", "versions"):
        assert (REPO / "migrations" / name).exists(), name
    assert intake.paths.TEMPLATES == REPO / "templates"
    assert intake.paths.MIGRATIONS == REPO / "migrations"
    assert workers.digest.content.TEMPLATES == REPO / "templates" / "email"
    for moved_back in ("intake/templates", "intake/migrations", "workers/digest/templates"):
        assert not _files_under(moved_back), moved_back
