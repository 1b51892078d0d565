"""The one table `make bench` prints: each figure at 1x and 100x data, with its same-run ratio."""

import math
from dataclasses import dataclass, field

from bench.common import Measure


@dataclass
class Row:
    """A measured figure and, beneath it, its baseline; one Measure per data scale."""

    family: str
    name: str
    unit: str = "req/s"
    goal: str = ""
    baseline_name: str = ""
    measures: dict[int, Measure] = field(default_factory=dict)
    baselines: dict[int, Measure] = field(default_factory=dict)
    # Returns "met"/"NOT met" from the row's measures, or "" when the row has no goal check.
    min_ratio: float | None = None
    max_p99_ms: float | None = None
    min_rate: float | None = None
    max_p50_ms: float | None = None
    # A latency row's ratio is its p50 over the baseline's (how many baseline hops it takes).
    ratio_of: str = "rate"

    def ratio(self, scale: int) -> float:
        m, b = self.measures.get(scale), self.baselines.get(scale)
        if m is None or b is None:
            return float("nan")
        if self.ratio_of == "p50":
            return m.p50_ms / b.p50_ms if b.p50_ms else float("nan")
        if not b.rate:
            return float("nan")
        return m.rate / b.rate

    def verdict(self) -> str:
        if not self.measures or (
            self.min_ratio is None
            and self.max_p99_ms is None
            and self.min_rate is None
            and self.max_p50_ms is None
        ):
            return ""
        misses = []
        for scale, m in self.measures.items():
            if self.min_ratio is not None and not self.ratio(scale) >= self.min_ratio:
                misses.append(f"ratio@{scale}x")
            if self.max_p50_ms is not None and not m.p50_ms <= self.max_p50_ms:
                misses.append(f"p50@{scale}x")
            if self.max_p99_ms is not None and not m.p99_ms <= self.max_p99_ms:
                misses.append(f"p99@{scale}x")
            if self.min_rate is not None and not m.rate >= self.min_rate:
                misses.append(f"rate@{scale}x")
            if m.errors:
                misses.append(f"errors@{scale}x")
        low, high = self.measures.get(1), self.measures.get(100)
        if low and high and self.unit == "req/s" and not high.p99_ms <= 2 * low.p99_ms:
            misses.append("p99 100x > 2x 1x")
        return "met" if not misses else "NOT met: " + ", ".join(misses)


def _num(value: float, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:,.{digits}f}"


def _cells(m: Measure | None, ratio: float | None) -> list[str]:
    if m is None:
        return ["", "", "", ""]
    return [
        _num(m.rate),
        _num(m.p50_ms, 1),
        _num(m.p99_ms, 1),
        "" if ratio is None else _num(ratio, 2),
    ]


def render(rows: list[Row], scales: tuple[int, ...], *, title: str) -> str:
    header = ["measure", "unit"]
    for scale in scales:
        header += [f"{scale}x rate", "p50 ms", "p99 ms", "ratio"]
    header += ["goal", "verdict"]
    lines: list[list[str]] = []
    for row in rows:
        line = [row.name, row.unit]
        for scale in scales:
            m = row.measures.get(scale)
            ratio = row.ratio(scale) if row.baselines else None
            line += _cells(m, ratio)
            if m is not None and m.errors:
                line[-4] += f" ({m.errors} err)"
        lines.append([*line, row.goal, row.verdict()])
        if row.baselines:
            base = [f"  baseline: {row.baseline_name}", row.unit]
            for scale in scales:
                base += _cells(row.baselines.get(scale), None)
            lines.append([*base, "", ""])
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    right = {i for i in range(2, len(header) - 2)}

    def fmt(cells: list[str]) -> str:
        return " | ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([title, fmt(header), rule, *(fmt(line) for line in lines)])


def markdown(rows: list[Row], scales: tuple[int, ...]) -> str:
    header = ["measure", "unit"]
    for scale in scales:
        header += [f"{scale}× rate", "p50 ms", "p99 ms", "ratio"]
    header += ["goal", "verdict"]
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        cells = [row.name, row.unit]
        for scale in scales:
            cells += _cells(row.measures.get(scale), row.ratio(scale) if row.baselines else None)
        out.append("| " + " | ".join([*cells, row.goal, row.verdict()]) + " |")
        if row.baselines:
            cells = [f"↳ baseline: {row.baseline_name}", row.unit]
            for scale in scales:
                cells += _cells(row.baselines.get(scale), None)
            out.append("| " + " | ".join([*cells, "", ""]) + " |")
    return "\n".join(out)
