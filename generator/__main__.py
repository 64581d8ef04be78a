"""`python -m generator` runs the `catalogue` command line."""

import sys

from generator.cli import main

sys.exit(main())
