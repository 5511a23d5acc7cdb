"""The rules' tests: case law for every rule of the INPUT, ID, AGE and REG areas.

The builders live in :mod:`tests.unit.rules.rule_builders`, a plain module, because
pytest loads every ``conftest.py`` under the one module name ``conftest`` and mypy names
the files of this folder from the project root. ``python -m pytest`` (as ``tasks.py``
runs it) has the project root on ``sys.path`` already; plain ``pytest`` puts only this
folder there (its default ``prepend`` import mode), so the root is added here for it.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PROJECT_ROOT = str(Path(__file__).resolve().parents[3])
if _PROJECT_ROOT not in sys.path:
    sys.path.insert(0, _PROJECT_ROOT)
