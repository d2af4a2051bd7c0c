"""Where the templates and the migrations are, in a checkout and in an installed wheel.

The project keeps `templates/` and `migrations/` at the top level of the repository, beside
`intake/` and `workers/` (the layout the project's brief fixes), so they are not inside the
package. Building a wheel copies them into it as `intake/templates/` and `intake/migrations/`
(setup.py), so that an installed copy runs from any directory. Each directory is therefore the
copy inside the package when there is one (an installed wheel), else the checkout's own (a
clone, an editable install). A marker file decides, not the directory: a checkout may keep an
empty `intake/migrations/versions/__pycache__` from before the directories moved back.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent


def _shipped_or_checkout(name: str, marker: str) -> Path:
    packaged = PACKAGE / name
    return packaged if (packaged / marker).is_file() else CHECKOUT / name


TEMPLATES = _shipped_or_checkout("templates", "base.html")
MIGRATIONS = _shipped_or_checkout("migrations", "env.py")
