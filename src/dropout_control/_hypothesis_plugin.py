"""Hypothesis's plugin entry point (``[project.entry-points.hypothesis]``).

Hypothesis calls :func:`_hypothesis_setup_hook` at the end of its own initialisation,
which may happen in the middle of importing our strategies. So the hook registers a
*function* per type: the strategy modules are imported only when a test first asks
``st.from_type`` for one of our types, by which time every import has finished.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


def _strategy_for(kind: type[object]) -> SearchStrategy[object]:
    from dropout_control.strategies.registration import strategy_for  # noqa: PLC0415

    return strategy_for(kind)


def _hypothesis_setup_hook() -> None:
    """Register the library's value types for ``st.from_type``."""
    from hypothesis import strategies as st  # noqa: PLC0415

    from dropout_control.strategies.registration import TYPES  # noqa: PLC0415

    for kind in TYPES:
        st.register_type_strategy(kind, _strategy_for)
