"""The measure lexicon, compiled once per vocabulary: which cue words name which measure, and
which words state a change (growth, decline) or a share of a measure rather than a measure.

An ``[[attribute]]`` entry (claims/data/attributes/) is either a measure (``revenue``, cues
营收, revenue) or, with ``direction = "up" | "down" | "share"``, a change word (增长, rose, 占)
whose figure measures the change of a nearby measure ("revenue growth"). A measure names its
own changes with ``up``/``down``/``share`` (``interest rate cut``); otherwise they read
"<name> growth", "<name> decline", "<name> share". A measure that is itself a change
(inflation) sets ``composes = false``: a change word beside it leaves its name alone.
``units`` may name ``money`` (any currency) and ``money/share`` (a price per share).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factrecon.units import is_currency

from ..lexicon import Entry, Lexicon, regional_variants
from ..literals import LiteralIndex, fold
from ..textmap import normalize
from ..vocab import VocabError

DIRECTIONS = ("up", "down", "share")
DEFAULT_CHANGES = {"up": "{name} growth", "down": "{name} decline", "share": "{name} share"}
RELATIVE_UNITS = frozenset({"percent", "percentage_point", "basis_point", "times", "permille"})
MONEY, PER_SHARE = "money", "money/share"


@dataclass(frozen=True, slots=True)
class Measure:
    """A measure a cue names: the units its figures come in (None: any) and its change names."""

    name: str
    units: frozenset[str] | None
    changes: dict[str, str]  # direction -> composed name; empty when it is a change itself

    def fits(self, unit: str | None) -> bool:
        """Whether a figure in ``unit`` can be this measure (``None``: any unit fits)."""
        return unit is None or self.units is None or unit_in(unit, self.units)


@dataclass(frozen=True, slots=True)
class Change:
    """A word saying a figure is a change (or share) of a measure named near it: 增长, fell, 占."""

    name: str
    direction: str
    units: frozenset[str] | None
    base: str | None  # the measure it always changes (降息: interest rate), else the one named near


Cue = Measure | Change


@dataclass(frozen=True, slots=True)
class MeasureCues:
    index: LiteralIndex
    by_cue: dict[str, tuple[Cue, ...]]  # folded cue -> what it names, later layers last
    defaults: dict[str, Measure]        # unit -> the measure a figure in it is without a cue
    slots: dict[str, tuple[LiteralIndex, dict[str, str]]]
    by_name: dict[str, Measure]         # measure name -> the measure (a change's named base)


def unit_in(unit: str, units: frozenset[str]) -> bool:
    """``unit`` is listed, or is a currency (per share) where ``money`` (``money/share``) is."""
    if unit in units:
        return True
    if MONEY in units and is_currency(unit):
        return True
    head, _, tail = unit.partition("/")
    return PER_SHARE in units and tail == "share" and is_currency(head)


def _units(entry: Entry) -> frozenset[str] | None:
    return frozenset(entry.lists["units"]) if "units" in entry.lists else None


def _text(entry: Entry, key: str) -> str | None:
    value = entry.fields.get(key)
    if value is not None and not (isinstance(value, str) and value.strip()):
        raise VocabError(f"{entry.where}.{key}: expected a non-empty string")
    return value


def _cue(entry: Entry) -> Cue:
    direction = _text(entry, "direction")
    if direction is not None:
        if direction not in DIRECTIONS:
            raise VocabError(f"{entry.where}.direction: {direction!r} is not one of {', '.join(DIRECTIONS)}")
        return Change(entry.name, direction, _units(entry), _text(entry, "base"))
    composes = entry.fields.get("composes", True)
    if not isinstance(composes, bool):
        raise VocabError(f"{entry.where}.composes: expected true or false")
    changes = {way: _text(entry, way) or DEFAULT_CHANGES[way].format(name=entry.name)
               for way in DIRECTIONS} if composes else {}
    return Measure(entry.name, _units(entry), changes)


def _default_units(entry: Entry) -> list[str]:
    default = entry.fields.get("default", False)
    if default is True:
        return entry.lists.get("units", [])
    if default is False:
        return []
    if isinstance(default, list) and all(isinstance(unit, str) for unit in default):
        return default
    raise VocabError(f"{entry.where}.default: expected true, false or a list of units")


@cache
def measure_cues(lexicon: Lexicon) -> MeasureCues:
    """The cue table of ``lexicon``'s attributes (each cue also in its regional spellings)."""
    by_cue: dict[str, list[Cue]] = {}
    defaults: dict[str, Measure] = {}
    for entry in lexicon.attributes:
        cue = _cue(entry)
        for word in entry.lists.get("cues", []):
            for variant in regional_variants(normalize(word).text):
                by_cue.setdefault(fold(variant), []).append(cue)
        if isinstance(cue, Measure):
            for unit in _default_units(entry):
                defaults.setdefault(unit, cue)
    slots = {}
    for slot, labels in lexicon.slots.items():
        table = {fold(normalize(cue).text): label for label, cues in labels.items() for cue in cues}
        slots[slot] = (LiteralIndex(table), table)
    by_name = {cue.name: cue for cues in by_cue.values() for cue in cues if isinstance(cue, Measure)}
    return MeasureCues(LiteralIndex(by_cue), {k: tuple(v) for k, v in by_cue.items()}, defaults, slots, by_name)
