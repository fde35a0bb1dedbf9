"""Reference data shipped in ``db/reference``: categories and checklists."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .domain.categories import Category, categories_from_data
from .domain.checklists import Checklist, checklists_from_data
from .paths import resource_path


def _load(name: str) -> Any:
    with resource_path("db", "reference", name).open(encoding="utf-8") as f:
        return json.load(f)


@cache
def seed_categories() -> tuple[Category, ...]:
    return tuple(categories_from_data(_load("categories.json")))


@cache
def checklists() -> dict[str, Checklist]:
    return checklists_from_data(_load("checklists.json"))


def checklist(code: str) -> Checklist:
    try:
        return checklists()[code]
    except KeyError:
        raise ValueError(f"没有编号为“{code}”的评查表") from None
