"""The transfers' tests: the approval workflow and case law for TR-001 to TR-006.

The builders live in :mod:`tests.unit.transfers.transfer_builders`, a plain module (see
``tests/unit/rules/conftest.py`` for why). Plain ``pytest`` puts only this folder on
``sys.path``, so the project root is added here for it.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PROJECT_ROOT = str(Path(__file__).resolve().parents[3])
if _PROJECT_ROOT not in sys.path:
    sys.path.insert(0, _PROJECT_ROOT)
