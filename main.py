"""Start the 巡查台账 desktop app: ``python main.py [WORKSPACE]``.

The same entry point runs the command line when its first argument is a command
(``python main.py stats demo.ledger``), so a frozen build ships one program.
"""

import sys


def run() -> int:
    from inspector.cli import COMMANDS

    if len(sys.argv) > 1 and sys.argv[1] in COMMANDS:
        from inspector.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from inspector.ui.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    # a frozen build starts its package-reader processes through this same program
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(run())
