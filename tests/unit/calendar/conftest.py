"""The calendar's tests run under the real national policy of 20 March 2019."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.policy import Policy, resolve_policy


@pytest.fixture
def policy() -> Policy:
    return resolve_policy(on=dt.date(2019, 3, 20))
