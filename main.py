"""Start the 巡查台账 desktop app: ``python main.py [WORKSPACE]``."""

import sys

from inspector.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
