"""Dated, layered, sourced policy parameters (政策参数).

Every number a rule uses lives here as a parameter with its value, the date from which
it is in force, the jurisdiction that set it, a source and a confidence mark. The
package ships three layers (national ``000000``, Gansu ``620000``, Linxia ``622900``);
applications stack their own with :meth:`PolicyBook.with_layer` or the ``layers``
argument of :func:`resolve_policy`.
"""

from dropout_control.policy.book import (
    GANSU,
    LINXIA,
    NATIONAL,
    Parameter,
    Policy,
    PolicyBook,
    resolve_policy,
)
from dropout_control.policy.layers import Layer, ParameterDefinition
from dropout_control.policy.terms import term_zh, terms_zh
from dropout_control.policy.values import Mark, SchoolStructure, ValueKind

__all__ = [
    "GANSU",
    "LINXIA",
    "NATIONAL",
    "Layer",
    "Mark",
    "Parameter",
    "ParameterDefinition",
    "Policy",
    "PolicyBook",
    "SchoolStructure",
    "ValueKind",
    "resolve_policy",
    "term_zh",
    "terms_zh",
]
