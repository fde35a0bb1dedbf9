"""Problem categories and their subtypes (a configurable list seeded from data)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Category:
    name: str
    description: str
    subtypes: tuple[str, ...]


SIX_CATEGORIES = ("消极执行", "选择性执行", "乱执行", "执行不廉", "作风不正", "有令不行")


def categories_from_data(data: Mapping[str, Any]) -> list[Category]:
    out = []
    seen = set()
    for c in data["categories"]:
        name = c["name"].strip()
        if not name or name in seen:
            raise ValueError(f"问题类别“{name}”为空或重复")
        seen.add(name)
        subtypes = tuple(dict.fromkeys(s.strip() for s in c.get("subtypes", []) if s.strip()))
        out.append(Category(name, c.get("description", ""), subtypes))
    return out


def validate_problem_category(
    categories: list[Category], category: str, subtype: str | None
) -> None:
    """Raise ``ValueError`` (message for users) unless the category/subtype exist."""
    for c in categories:
        if c.name == category:
            if subtype and subtype not in c.subtypes:
                raise ValueError(f"问题类别“{category}”下没有子类“{subtype}”")
            return
    raise ValueError(f"没有问题类别“{category}”")
