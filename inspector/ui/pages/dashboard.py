"""工作台: counts, items due this week, overdue by court, charts.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from ...domain.scales import nice_scale
from .. import ops
from ..follow_up import RatesModel
from ..forms.ui_dashboard_page import Ui_DashboardPage
from ..models.record_list import RecordListModel
from ..models.simple import ListTableModel
from ..terms import term
from .base import Page, fit_columns, setup_table

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart, QChartView

# The charts (and the Qt Charts module) are built just after the window's first paint.

STATE_COLORS = {"待整改": "#90a4ae", "整改中": "#1e88e5", "待核查": "#f9a825", "已销号": "#2e7d32"}


class CountTile(QFrame):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.value = QLabel("—")  # until the first numbers arrive
        self.value.setObjectName("countValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(label)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.value)
        layout.addWidget(caption)

    def set_value(self, n: int | str) -> None:
        self.value.setText(str(n))


class PairsModel(ListTableModel):
    """A two-column summary table (court, count)."""

    def __init__(self, headers: tuple[str, str]) -> None:
        super().__init__()
        self.HEADERS = headers

    def cell(self, pair: tuple[str, int], column: int) -> Any:
        return str(pair[column])


class FiguresModel(ListTableModel):
    """Each court's rates (the figures higher courts ask for)."""

    HEADERS = (
        "法院",
        "终本合格率",
        "终本抽查比例",
        "实际执行到位率",
        "终本率",
        "按期整改率",
        "逾期",
        "待核查逾期",
    )

    def cell(self, row: tuple[str, Any, Any], column: int) -> Any:
        court, f, quality = row
        if column == 0:
            return court
        if column == 6:
            return str(f.overdue)
        if column == 7:
            return str(f.overdue_awaiting_verification)
        rate = (
            quality.pass_rate if quality is not None else None,
            f.sampling_ratio,
            f.first_paid_rate,
            f.zhongben_rate,
            f.on_time_rate,
        )[column - 1]
        return f"{rate:.1%}" if rate is not None else "—"

    def style(self, row: tuple[str, Any, Any], column: int, role: int) -> Any:
        # below the 30 % floor of 终本 checks
        if (
            column == 2
            and role == Qt.ItemDataRole.ForegroundRole
            and not row[1].meets_sampling_floor
        ):
            return QColor("#c62828")
        return None


TILES = ("court", "case", "review", "interview", "problem", "rectification_item")


def gather(session: Any) -> dict[str, Any]:
    """Everything the dashboard shows, read in one go (on any thread with its own session)."""
    from ...services.conflicts import list_conflicts
    from ...services.workspaces import closure_over_time, statistics

    return {
        "stats": statistics(session),
        "conflicts": len(list_conflicts(session)),
        "closure": closure_over_time(session),
    }


class DashboardPage(Page):
    #: the record types the page shows: it refreshes when an op changes one
    SHOWS: frozenset[str] | None = None

    #: fill the numbers from a worker the first time (the app's start-up), not before painting
    fill_later = False

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._generation = 0
        self.ui = Ui_DashboardPage()
        self.ui.setupUi(self)
        self.tiles: dict[str, CountTile] = {}
        labels = {
            "court": self.tr("Courts"),
            "case": self.tr("Cases"),
            "review": self.tr("File reviews"),
            "interview": self.tr("Interviews and visits"),
            "problem": self.tr("Problems"),
            "rectification_item": self.tr("Rectification items"),
        }
        labels.update(
            overdue=self.tr("Overdue items"),
            due_soon=self.tr("Due within 3 working days"),
            closed=self.tr("Closed items"),
            closure_rate=self.tr("Closure rate"),
            conflicts=self.tr("Conflicts to decide"),
        )
        for i, (key, label) in enumerate(labels.items()):
            tile = CountTile(label)
            self.tiles[key] = tile
            self.ui.tileGrid.addWidget(tile, i // 6, i % 6)
        self.setStyleSheet("#countValue { font-size: 24px; font-weight: bold; }")
        self.tiles["overdue"].value.setStyleSheet("color: #c62828;")
        self.due = RecordListModel(self.session, "items")
        setup_table(self.ui.dueTable, self.due, stretch=3)
        self.ui.dueTable.setColumnHidden(self.due.column_of("follow_up"), True)
        self.ui.dueTable.setSortingEnabled(False)
        self.overdue = PairsModel((self.tr("Court"), self.tr("Overdue")))
        setup_table(self.ui.overdueTable, self.overdue, stretch=0)
        # the court's overdue items and its figures share the room as two tabs
        self.figures = FiguresModel()
        self.figure_table = QTableView()
        self.figure_table.setObjectName("figureTable")
        setup_table(self.figure_table, self.figures, stretch=0)
        self.court_tabs = QTabWidget()
        self.ui.overdueLayout.removeWidget(self.ui.overdueTable)
        self.court_tabs.addTab(self.ui.overdueTable, self.tr("Overdue items"))
        self.court_tabs.addTab(self.figure_table, self.tr("Figures"))
        # 回头看: each follow-up's recurrence rates (the tab shows when there is one)
        self.follow_up_rates = RatesModel()
        self.follow_up_table = QTableView()
        self.follow_up_table.setObjectName("followUpTable")
        setup_table(self.follow_up_table, self.follow_up_rates)
        self.follow_up_tab = self.court_tabs.addTab(self.follow_up_table, self.tr("Follow-up"))
        self.court_tabs.setTabVisible(self.follow_up_tab, False)
        self.ui.overdueLayout.addWidget(self.court_tabs)
        self.ui.overdueBox.setTitle(self.tr("By court"))
        self.ui.chartRow.setStretch(0, 3)
        self.ui.chartRow.setStretch(1, 2)
        self.ui.chartRow.setStretch(2, 3)
        # the tables keep five rows; the charts take what is left (at least a readable strip)
        for table in (self.ui.dueTable, self.ui.overdueTable):
            rows = (
                table.horizontalHeader().sizeHint().height()
                + 5 * table.verticalHeader().defaultSectionSize()
                + table.horizontalScrollBar().sizeHint().height()
                + 2 * table.frameWidth()
            )
            table.setMinimumHeight(rows)
        self.ui.dashboardLayout.setStretchFactor(self.ui.chartRow, 1)
        self.ui.dashboardLayout.setStretchFactor(self.ui.tableRow, 0)
        self._views: tuple[QChartView, QChartView, QChartView] | None = None

    def build_charts(self) -> tuple[QChartView, QChartView, QChartView]:
        """The views of the three charts (made once)."""
        if self._views is None:
            self._views = (
                self._chart_view(self.ui.categoryLayout),
                self._chart_view(self.ui.stateLayout),
                self._chart_view(self.ui.closureLayout),
            )
        return self._views

    @staticmethod
    def _chart_view(layout: Any) -> QChartView:
        from PySide6.QtCharts import QChartView

        view = QChartView()
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(150)
        layout.addWidget(view)
        return view

    def refresh(self) -> None:
        self._generation += 1
        if self.fill_later and self.session.workspace.path is not None:
            # the first fill after start-up: the window paints now, the numbers follow
            self.fill_later = False
            op = ops.Op(self, lambda s, _progress: gather(s), workspace=self.session)
            op.bound_to(lambda: self._generation).success(self._arrived)
            # started once the window has painted: its imports and queries would hold up the paint
            self.window_.after_first_paint(op.run)
            return
        self._show(gather(self.session))

    def _arrived(self, data: dict[str, Any]) -> None:
        # no newer refresh came first (the op is bound to the generation), the window is open
        if not self.window_.closed:
            self._show(data)

    def _show(self, data: dict[str, Any]) -> None:
        self.due.session = self.session
        stats = data["stats"]
        for name in TILES:
            self.tiles[name].set_value(stats.counts[name])
        items = stats.items
        for key in ("overdue", "due_soon", "closed"):
            self.tiles[key].set_value(getattr(items, key))
        self.tiles["closure_rate"].set_value(f"{stats.closure_rate:.1%}")
        self.tiles["conflicts"].set_value(data["conflicts"])
        self.due.reload({"due_within_days": 7})
        self.overdue.set_rows(list(stats.overdue_by_court.items()))
        quality = stats.zhongben_pass_rate.by_court
        self.figures.set_rows(
            [
                (court, f, quality.get(court))
                for court, f in stats.figures.by_court.items()
                if f.zhongben_cases or f.closed_cases or f.items_due
            ]
        )
        self.follow_up_rates.load(stats.follow_ups)
        self.court_tabs.setTabVisible(self.follow_up_tab, bool(stats.follow_ups))
        # the rate in view beside a court's name cut short (its tooltip has it whole)
        fit_columns(self.follow_up_table, None, cap=150)
        category_view, state_view, closure_view = self.build_charts()
        _replace_chart(category_view, self._category_chart(stats.problems_by_category))
        _replace_chart(state_view, self._state_chart(stats.items_by_state))
        _replace_chart(closure_view, self._closure_chart(data["closure"]))

    def _empty(self, chart: QChart, text: str) -> QChart:
        """A chart with nothing to show says so, without axes of nonsense ticks."""
        chart.setTitle(text)
        chart.legend().setVisible(False)
        return chart

    def _category_chart(self, by_category: dict[str, int]) -> QChart:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QHorizontalBarSeries

        chart = QChart()
        # the smallest at the bottom: the largest category reads first
        counts = dict(sorted(((k, v) for k, v in by_category.items() if v), key=lambda kv: kv[1]))
        if not counts:
            return self._empty(chart, self.tr("No problems recorded yet"))
        bars = QBarSet(self.tr("Problems"))
        bars.setColor(QColor("#1e88e5"))
        bars.append([float(v) for v in counts.values()])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([term(k) for k in counts])
        font = axis.labelsFont()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.78))
        axis.setLabelsFont(font)
        axis.setTruncateLabels(False)  # a short plot would cut every name to "…"
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        values = _count_axis(max(counts.values()))
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        chart.legend().setVisible(False)
        chart.setMargins(chart.margins() * 0)
        return chart

    def _state_chart(self, by_state: dict[str, int]) -> QChart:
        from PySide6.QtCharts import QChart, QPieSeries

        chart = QChart()
        if not any(by_state.values()):
            return self._empty(chart, self.tr("No rectification items yet"))
        series = QPieSeries()
        for state, n in by_state.items():
            if not n:
                continue
            slice_ = series.append(f"{term(state)} {n}", n)
            slice_.setColor(QColor(STATE_COLORS.get(state, "#757575")))
        chart.addSeries(series)
        # one state per line beside the pie: in a row under it the labels did not fit the
        # dashboard's narrow column and were cut away entirely
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        legend.setShowToolTips(True)  # a state cut short on a narrow screen shows whole
        widest = max(
            QFontMetrics(legend.font()).horizontalAdvance(s.label()) for s in series.slices()
        )
        legend.setMinimumWidth(widest + 28)  # the marker, and the count after the state
        chart.setMargins(chart.margins() * 0)
        return chart

    def _closure_chart(self, trend: list[tuple[str, float]]) -> QChart:
        from PySide6.QtCharts import QChart, QDateTimeAxis, QLineSeries, QValueAxis

        chart = QChart()
        days = sorted({day for day, _rate in trend})
        if not days:
            return self._empty(chart, self.tr("No items closed yet"))
        series = QLineSeries()
        series.setName(self.tr("Closure rate"))
        for day, rate in trend:
            moment = QDateTime.fromString(day, "yyyy-MM-dd")
            series.append(float(moment.toMSecsSinceEpoch()), rate * 100)
        chart.addSeries(series)
        x = QDateTimeAxis()
        x.setFormat("MM-dd")
        first = QDateTime.fromString(days[0], "yyyy-MM-dd")
        last = QDateTime.fromString(days[-1], "yyyy-MM-dd")
        if first == last:  # one day: a day either side, not the same date five times
            first, last = first.addDays(-1), last.addDays(1)
        span = max(first.daysTo(last), 1)
        x.setTickCount(min(4, span + 1))
        x.setRange(first, last)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        y = QValueAxis()
        y.setRange(0, 100)
        y.setTickCount(5)
        y.setLabelFormat("%d%%")
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)
        chart.legend().setVisible(False)
        return chart


def _count_axis(maximum: int) -> Any:
    """A value axis for counts: whole numbers on round ticks from 0."""
    from PySide6.QtCharts import QValueAxis

    top, step = nice_scale(maximum)
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, top)
    axis.setTickCount(round(top / step) + 1)
    axis.setMinorTickCount(0)
    return axis


def _replace_chart(view: QChartView, chart: Any) -> None:
    """Show a new chart; the view gives up the old one without deleting it (a refresh that
    left it would keep about 1.4 MB of every dashboard refresh for good)."""
    old = view.chart()
    view.setChart(chart)
    if old is not None and old is not chart:
        old.deleteLater()
