"""Errors meant for users (clear messages, Chinese in the UI) as distinct from bugs."""

from __future__ import annotations


class UserError(Exception):
    """An error caused by input or circumstances the user can fix; ``str()`` is the message."""


class WorkspaceError(UserError):
    """The workspace file cannot be opened or used as asked."""


class NotFound(UserError):
    """A record that the action needs does not exist (or was deleted)."""


class PermissionDenied(UserError):
    """The current member's role does not allow the action."""
