"""Small timing helpers shared by the benchmarks."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    baseline_name: str = ""
    baseline_value: float = 0.0
    goal: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.baseline_value:
            return None
        return self.value / self.baseline_value

    def line(self) -> str:
        text = f"{self.name:<48} {self.value:>10.2f} {self.unit}"
        if self.ratio is not None:
            text += f"  = {self.ratio:.2f}x {self.baseline_name} ({self.baseline_value:.2f} {self.unit})"
        if self.goal:
            text += f"  [goal: {self.goal}]"
        return text


def median_ms(
    func: Callable[[], object], *, repeat: int = 50, warmup: int = 5
) -> float:
    """Median wall time of `func` in milliseconds, after a warm-up."""
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def paired_ms(func, baseline, *, repeat: int = 7) -> tuple[float, float]:
    """Median ms of `func` and of `baseline`, timed alternately after one warm-up each.

    In turns, so a busy machine slows both alike and the ratio stays meaningful.
    """
    func(), baseline()
    subject, base = [], []
    for _ in range(repeat):
        base.append(median_ms(baseline, repeat=1, warmup=0))
        subject.append(median_ms(func, repeat=1, warmup=0))
    return statistics.median(subject), statistics.median(base)
