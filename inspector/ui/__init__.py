"""The Qt desktop app. The only package that imports Qt.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""
