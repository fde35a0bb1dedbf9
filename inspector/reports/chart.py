"""Chart images for the written reports (matplotlib, no display needed)."""

from __future__ import annotations

from pathlib import Path

from ..domain.scales import nice_scale

#: Chinese fonts to try, in order: Linux (Noto, WenQuanYi), Windows, macOS
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "SimSun",
    "PingFang SC",
)


def category_chart(path: Path, by_category: dict[str, int], by_state: dict[str, int]) -> Path:
    """Problems by category (bars) beside items by state (bars), as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MultipleLocator

    available = {f.name for f in font_manager.fontManager.ttflist}
    family = [f for f in CJK_FONTS if f in available] or ["sans-serif"]
    plt.rcParams["font.sans-serif"] = [*family, "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6), dpi=150)
    left.bar(list(by_category), list(by_category.values()), color="#1e88e5")
    left.set_title("问题类别分布")
    right.bar(
        list(by_state),
        list(by_state.values()),
        color=["#90a4ae", "#1e88e5", "#f9a825", "#2e7d32"][: len(by_state)],
    )
    right.set_title("整改事项状态")
    for ax in (left, right):
        for rect in ax.patches:
            ax.annotate(
                f"{int(rect.get_height())}",
                (rect.get_x() + rect.get_width() / 2, rect.get_height()),
                ha="center",
                va="bottom",
                fontsize=8,
            )
        ax.tick_params(axis="x", labelsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        # counts: whole numbers on round ticks (not a 0.0–1.0 axis when there are none)
        top, step = nice_scale(max([0, *(int(r.get_height()) for r in ax.patches)]))
        ax.set_ylim(0, top)
        ax.yaxis.set_major_locator(MultipleLocator(step))
        if not any(r.get_height() for r in ax.patches):
            ax.text(0.5, 0.5, "暂无数据", transform=ax.transAxes, ha="center", va="center")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
