"""Bar charts drawn as SVG on the server: no JavaScript, readable by screen readers through the data
table that always sits beside them, and sharp in print."""

from dataclasses import dataclass

WIDTH = 640
HEIGHT = 240
MARGIN_TOP = 24
MARGIN_BOTTOM = 40
MARGIN_SIDE = 8


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value_text: str
    suppressed: bool
    in_period: bool

    @property
    def centre(self) -> float:
        return self.x + self.width / 2

    @property
    def value_y(self) -> float:
        return self.y - 6


@dataclass
class BarChart:
    bars: list[Bar]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self) -> float:
        return self.height - MARGIN_BOTTOM

    @property
    def label_y(self) -> float:
        return self.height - MARGIN_BOTTOM + 20

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def monthly_bars(trend) -> BarChart:
    """One bar per month of a reporting trend (reporting.MonthCount). A month whose count is hidden by
    disclosure control gets no bar, only its "fewer than" mark, so the chart never hints at its size."""
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = (WIDTH - 2 * MARGIN_SIDE) / max(len(trend), 1)
    largest = max((month.count.value or 0 for month in trend), default=0) or 1
    bars = []
    for index, month in enumerate(trend):
        value = month.count.value
        height = 0 if value is None else plot_height * value / largest
        bars.append(
            Bar(
                x=round(MARGIN_SIDE + index * slot + slot * 0.15, 1),
                y=round(HEIGHT - MARGIN_BOTTOM - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label=month.short_label,
                value_text=f"<{month.count.threshold}" if value is None else str(value),
                suppressed=value is None,
                in_period=month.in_period,
            )
        )
    return BarChart(bars)
