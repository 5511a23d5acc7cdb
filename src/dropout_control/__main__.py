"""``python -m dropout_control`` runs the command line."""

import sys

from dropout_control.cli import main

sys.exit(main())
