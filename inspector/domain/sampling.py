"""Drawing a reproducible random sample of cases and sharing it among reviewers.

The same population, seed and parameters always give the same sample: the
population is ordered by case number and each stratum draws from its own
generator seeded with the seed and the stratum's name. A ratio is rounded up once,
over the whole population, as the rules ask for "no less than 30%"; the draw is then
shared among strata by largest remainder (rounding each stratum up would draw far more:
30 % by judge came to 60–76 % of small courts' cases).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    case_id: str
    case_number: str
    stratum: str = ""


def draw_sample(
    population: Sequence[Candidate],
    *,
    seed: int,
    ratio: float | None = None,
    count: int | None = None,
) -> list[Candidate]:
    """A sample by ratio (the whole population's share, rounded up) or by count, spread over
    the strata in proportion to their size (largest remainder)."""
    if (ratio is None) == (count is None):
        raise ValueError("请指定抽样比例或抽样数量中的一项")
    if ratio is not None and not 0 < ratio <= 1:
        raise ValueError("抽样比例应大于0且不超过1")
    if count is not None and count < 1:
        raise ValueError("抽样数量应至少为1")
    strata: dict[str, list[Candidate]] = {}
    for c in sorted(population, key=lambda c: (c.stratum, c.case_number, c.case_id)):
        strata.setdefault(c.stratum, []).append(c)
    total = sum(len(v) for v in strata.values())
    if total == 0:
        return []
    wanted = _quotas(strata, total, ratio, count)
    sample: list[Candidate] = []
    for name, members in sorted(strata.items()):
        rng = random.Random(f"{seed}:{name}")
        sample.extend(rng.sample(members, wanted[name]))
    return sorted(sample, key=lambda c: (c.stratum, c.case_number))


def _quotas(
    strata: dict[str, list[Candidate]], total: int, ratio: float | None, count: int | None
) -> dict[str, int]:
    if ratio is not None:
        n = min(total, math.ceil(total * ratio - 1e-9))
    else:
        assert count is not None
        n = min(count, total)
    exact = {name: n * len(m) / total for name, m in strata.items()}
    quotas = {name: math.floor(v) for name, v in exact.items()}
    rest = n - sum(quotas.values())
    for name in sorted(exact, key=lambda k: (quotas[k] - exact[k], k))[:rest]:
        quotas[name] += 1
    return quotas


@dataclass(frozen=True)
class StratumCount:
    stratum: str
    population: int
    drawn: int


def stratum_counts(
    population: Sequence[Candidate], sample: Sequence[Candidate]
) -> list[StratumCount]:
    """Population and sample size of each stratum, by stratum name."""
    sizes: dict[str, int] = {}
    for c in population:
        sizes[c.stratum] = sizes.get(c.stratum, 0) + 1
    drawn: dict[str, int] = {}
    for c in sample:
        drawn[c.stratum] = drawn.get(c.stratum, 0) + 1
    return [StratumCount(name, n, drawn.get(name, 0)) for name, n in sorted(sizes.items())]


def assign_evenly(sample: Sequence[Candidate], reviewers: Sequence[str]) -> dict[str, str]:
    """Case id → reviewer, dealt round-robin so loads differ by at most one."""
    if not reviewers:
        return {}
    return {c.case_id: reviewers[i % len(reviewers)] for i, c in enumerate(sample)}
