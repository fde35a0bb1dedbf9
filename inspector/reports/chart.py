"""Chart images for the written reports (matplotlib, no display needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..domain.scales import nice_scale
from ..paths import resource_path

#: the Chinese face the charts draw with: a font file shipped with the app (db/fonts), added to
#: matplotlib by path, so that a font cache older than the installed fonts cannot turn every
#: label into boxes
CHART_FONT = ("db", "fonts", "NotoSansSC-Bold.ttf")


def chart_font() -> Any:
    """The shipped CJK font as matplotlib FontProperties, by its file."""
    from matplotlib import font_manager

    return font_manager.FontProperties(fname=str(resource_path(*CHART_FONT)))


def category_chart(path: Path, by_category: dict[str, int], by_state: dict[str, int]) -> Path:
    """Problems by category (bars) beside items by state (bars), as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MultipleLocator

    font = chart_font()  # every text below is drawn with it, whatever the font cache holds
    plt.rcParams["axes.unicode_minus"] = False
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6), dpi=150)
    left.bar(list(by_category), list(by_category.values()), color="#1e88e5")
    left.set_title("问题类别分布", fontproperties=font)
    right.bar(
        list(by_state),
        list(by_state.values()),
        color=["#90a4ae", "#1e88e5", "#f9a825", "#2e7d32"][: len(by_state)],
    )
    right.set_title("整改事项状态", fontproperties=font)
    for ax in (left, right):
        for rect in ax.patches:
            ax.annotate(
                f"{int(rect.get_height())}",
                (rect.get_x() + rect.get_width() / 2, rect.get_height()),
                ha="center",
                va="bottom",
                fontsize=8,
                fontproperties=font,
            )
        ax.tick_params(axis="x", labelsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        # counts: whole numbers on round ticks (not a 0.0–1.0 axis when there are none)
        top, step = nice_scale(max([0, *(int(r.get_height()) for r in ax.patches)]))
        ax.set_ylim(0, top)
        ax.yaxis.set_major_locator(MultipleLocator(step))
        if not any(r.get_height() for r in ax.patches):
            ax.text(
                0.5,
                0.5,
                "暂无数据",
                transform=ax.transAxes,
                ha="center",
                va="center",
                fontproperties=font,
            )
        for label in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
            label.set_fontproperties(font)
            label.set_fontsize(8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
