"""One-line wrappers: each user action that runs off the GUI thread, as an :class:`~..ops.Op`
of the service function it calls. The caller adds what to do with the result and runs it."""
