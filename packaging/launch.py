"""Entry script frozen by PyInstaller: the same ``main`` as the ``usagelens`` console command."""

import sys

from usagelens.app import main

if __name__ == "__main__":
    sys.exit(main())
