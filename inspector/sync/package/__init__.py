"""Ledger package files: the format (:mod:`.format`), writing (:mod:`.writing`), the checks a
package passes before anything of it is trusted (:mod:`.guards`) and reading
(:mod:`.reading`)."""

from __future__ import annotations

from .format import (
    COURT_KIND,
    DEFAULT_LIMITS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    OLDEST_READABLE,
    REVISIONS,
    ROSTER,
    SIGNATURE,
    SUFFIX,
    Limits,
    Manifest,
    PackageError,
)
from .guards import chain_broken, json_depth_ok, laptop_name
from .reading import (
    Detached,
    Package,
    Reader,
    attach,
    open_package,
    peek_manifest,
    read_detached,
)
from .writing import write_package

__all__ = [
    "COURT_KIND",
    "DEFAULT_LIMITS",
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "OLDEST_READABLE",
    "REVISIONS",
    "ROSTER",
    "SIGNATURE",
    "SUFFIX",
    "Detached",
    "Limits",
    "Manifest",
    "Package",
    "PackageError",
    "Reader",
    "attach",
    "chain_broken",
    "json_depth_ok",
    "laptop_name",
    "open_package",
    "peek_manifest",
    "read_detached",
    "write_package",
]
