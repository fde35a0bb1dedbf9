"""One function per user action: the only API that the UI and the CLI call.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""
