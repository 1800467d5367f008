"""``python -m apptest`` is the ``apptest`` command."""

import sys

from apptest.cli import main

sys.exit(main())
