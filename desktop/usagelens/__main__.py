"""``python -m usagelens``: the same as the ``usagelens`` command."""

import sys

from usagelens.app import main

sys.exit(main())
