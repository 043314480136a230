"""Names beside dots on a picture, none over another: a greedy placer that tries spots around each dot, nearest
first, and draws a leader line to a label it had to move away."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Widths in ems, a little over Arial's (and so Helvetica's and Liberation Sans', the fonts the picture asks for),
# so that a label fits its box.
NARROW, SLIM, WIDE = " .,:;'ʻiljıIİ|!", "frt()-", "mwMW—"
ASCENT, DESCENT = 0.93, 0.24  # of the font size: a little over Arial's, as DejaVu Sans has them
PAD = 2.0  # between the text and its box, in pixels
GAP = 2.0  # between a dot and its label
SPACE = 1.0  # kept free between two labels, so that rounding the coordinates never makes them touch
STEPS = (0.0, 10.0, 22.0, 36.0, 52.0, 70.0, 92.0, 120.0, 150.0, 185.0, 225.0)  # how far from the dot to look
HEADINGS = 16  # directions tried at each distance up to FAR, twice as many beyond
FAR = 50.0
COVERING = 40.0  # a spot over another circle (or whose leader crosses one) costs as much as one this much further
ROUNDS = 8  # times the placer starts again with the dot that fared worst first
STUCK = 10_000.0  # the cost of a dot that found no free spot

Point = tuple[float, float]
Segment = tuple[float, float, float, float]  # x1, y1, x2, y2


def text_width(text: str, size: float) -> float:
    """How wide `text` is at font size `size`, over-estimated (see NARROW)."""
    ems = 0.0
    for char in text:
        if char in NARROW:
            ems += 0.29
        elif char in SLIM:
            ems += 0.37
        elif char in WIDE:
            ems += 0.95
        elif char.isupper():
            ems += 0.74
        else:
            ems += 0.58
    return ems * size


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        across = self.left < other.right and other.left < self.right
        return across and self.top < other.bottom and other.top < self.bottom

    def within(self, other: Box) -> bool:
        across = other.left <= self.left and self.right <= other.right
        return across and other.top <= self.top and self.bottom <= other.bottom

    def spaced(self, space: float) -> Box:
        return Box(self.left - space, self.top - space, self.right + space, self.bottom + space)

    def crosses(self, line: Segment) -> bool:
        """Whether the segment passes through the box (Liang-Barsky)."""
        x0, y0, x1, y1 = line
        dx, dy = x1 - x0, y1 - y0
        low, high = 0.0, 1.0
        for step, room in ((-dx, x0 - self.left), (dx, self.right - x0), (-dy, y0 - self.top), (dy, self.bottom - y0)):
            if step == 0:
                if room < 0:
                    return False
                continue
            reach = room / step
            if step < 0:
                low = max(low, reach)
            else:
                high = min(high, reach)
            if low > high:
                return False
        return True


def intersect(one: Segment, other: Segment) -> bool:
    """Whether two segments cross (touching, or lying on one line, counts)."""

    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    a, b, c, d = one[0:2], one[2:4], other[0:2], other[2:4]
    return side(a, b, c) * side(a, b, d) <= 0 and side(c, d, a) * side(c, d, b) <= 0


@dataclass(frozen=True)
class Dot:
    """A place to be named: its centre and radius in pixels."""

    text: str
    x: float
    y: float
    radius: float

    def square(self, half: float) -> Box:
        return Box(self.x - half, self.y - half, self.x + half, self.y + half)


@dataclass(frozen=True)
class Label:
    text: str
    x: float  # where the text starts
    baseline: float
    box: Box
    leader: Segment | None  # from the dot's edge to the box, when moved away


@dataclass(frozen=True)
class Spot:
    """A place for a label: its box, the leader line to it, and what it costs: how far it is from the dot, in
    pixels, plus a little for being above or below rather than beside it."""

    cost: float
    box: Box
    leader: Segment | None


def sized(text: str, size: float) -> tuple[float, float]:
    """A label's box: the text's width and height with PAD around."""
    return text_width(text, size) + 2 * PAD, (ASCENT + DESCENT) * size + 2 * PAD


def spots(dot: Dot, width: float, height: float) -> list[Spot]:
    """Boxes around the dot, cheapest first: nearest, then beside the dot before above or below it, right before
    left."""
    found: list[Spot] = []
    for distance in STEPS:
        turns = HEADINGS if distance < FAR else 2 * HEADINGS  # further out, the same angle leaves more room
        for step in range(turns):
            angle = 2 * math.pi * step / turns
            cos, sin = math.cos(angle), math.sin(angle)
            reach = dot.radius + GAP + distance
            x, y = dot.x + reach * cos, dot.y + reach * sin
            left = x if cos > 0.38 else x - width if cos < -0.38 else x - width / 2
            top = y if sin > 0.38 else y - height if sin < -0.38 else y - height / 2
            edge = (dot.x + dot.radius * cos, dot.y + dot.radius * sin)
            leader = (round(edge[0], 1), round(edge[1], 1), round(x, 1), round(y, 1)) if distance else None
            box = Box(round(left, 1), round(top, 1), round(left + width, 1), round(top + height, 1))
            found.append(Spot(distance + 4 * abs(sin) + (cos < 0), box, leader))
    return sorted(found, key=lambda spot: spot.cost)


def place(dots: Sequence[Dot], size: float, area: Box, obstacles: Sequence[Box] = ()) -> list[Label]:
    """A label for every dot. A box overlaps no other box nor obstacle, covers no dot's centre and no leader line,
    and stays inside `area`; leader lines do not cross. The dots take their spots in the order given (the most
    important first), then again with the one that fared worst put first, up to ROUNDS times, and the placing that
    cost least is kept. A dot that never finds a free spot keeps its first, and the overlap shows."""
    order = list(range(len(dots)))
    around = [spots(dot, *sized(dot.text, size)) for dot in dots]
    best: tuple[float, dict[int, Label]] = (math.inf, {})
    for _ in range(ROUNDS):
        labels, costs = greedy([(dots[index], around[index]) for index in order], size, area, obstacles)
        if sum(costs) < best[0]:
            best = sum(costs), dict(zip(order, labels, strict=True))
        worst = max(range(len(costs)), key=costs.__getitem__, default=0)
        if not costs or costs[worst] == 0 or worst == 0:
            break
        order.insert(0, order.pop(worst))
    return [best[1][index] for index in range(len(dots))]


def greedy(
    dots: Sequence[tuple[Dot, list[Spot]]], size: float, area: Box, obstacles: Sequence[Box]
) -> tuple[list[Label], list[float]]:
    """Each dot in turn takes its cheapest free spot (of its spots around): the nearest, counting a spot over other
    circles as further away. The labels, and what each cost (STUCK for a dot that found no free spot)."""
    taken: list[Box] = list(obstacles)
    centres = [dot.square(min(dot.radius, 4)) for dot, _ in dots]
    leaders: list[Segment] = []
    labels, costs = [], []

    def is_free(box: Box, leader: Segment | None) -> bool:
        apart = box.spaced(SPACE)
        return (
            box.within(area)
            and not any(apart.overlaps(other) for other in taken)
            and not any(apart.overlaps(centre) for centre in centres)
            and not any(box.crosses(line) for line in leaders)
            and (leader is None or not any(other.crosses(leader) for other in taken))
            and (leader is None or not any(intersect(leader, line) for line in leaders))
        )

    for dot, options in dots:
        circles = [other.square(other.radius) for other, _ in dots if other is not dot]
        cost, choice = STUCK, options[0]
        for spot in options:
            if spot.cost >= cost:
                break  # covering only adds to the cost: no spot further on can cost less
            if is_free(spot.box, spot.leader):
                covered = sum(spot.box.overlaps(circle) or (spot.leader is not None and circle.crosses(spot.leader))
                              for circle in circles)  # fmt: skip
                if spot.cost + COVERING * covered < cost:
                    cost, choice = spot.cost + COVERING * covered, spot
        box, leader = choice.box, choice.leader
        taken.append(box)
        if leader is not None:
            leaders.append(leader)
        costs.append(cost)
        labels.append(Label(dot.text, round(box.left + PAD, 1), round(box.top + PAD + ASCENT * size, 1), box, leader))
    return labels, costs
