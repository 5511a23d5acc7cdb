"""Sphinx configuration for the dropout_control documentation."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

from dropout_control import __version__

project = "dropout_control"
author = "the dropout_control developers"
copyright = "2026, the dropout_control developers"
release = __version__
version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "catalogue",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}

# Module doctests run under pytest (--doctest-modules); the docs' own pages run here.
doctest_test_doctest_blocks = ""
doctest_global_setup = "import datetime as dt"


nitpicky = False
html_theme = "alabaster"
html_static_path: list[str] = []
