"""Benchmark reconciliation (``check``) on synthetic claim sets, and ``factrecon check`` end to end
(a script, not a test).

Builds claim sets of ``--sizes`` claims (default 1k, 10k, 100k) with a fixed seed: entities drawn
from a Zipf distribution over the packaged entity names (chips first) padded with made-up ones,
realistic attributes per unit, figures scattered around a true value per (entity, attribute) with
noise and outliers, ~5% ratio claims between entities, ~3% verbatim repeats inside an article and
~3% near-verbatim copies across articles, one article per ~20 claims. Each size runs in a fresh
child process, so its ru_maxrss is its own. Reports the best wall time of ``check`` (repeated only
while a pass is short), the tracemalloc peak of one further pass, ru_maxrss before and after, the
growth of the time per 10x claims (target: <= 15x), and the best-of-3 wall time of
``factrecon check --format json`` on the bundled sample corpus.

    .venv/bin/python bench/reconcile.py [--sizes 1000,10000,100000] [--seed N] [--timeout S]
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import math
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from timing import best_of

from factrecon.claims import Claim, load_lexicon
from factrecon.claims.model import Qualifier
from factrecon.reconcile import check

T = TypeVar("T")

TARGET_PER_10X = 15.0
CLAIMS_PER_SOURCE = 20
MIN_TOP_BLOCK = 0.01  # the largest entity block must hold at least 1% of the claims

RELATIVE = 0.05  # ratio claims: "H200的性能是H20的6倍"
REPEAT = 0.03  # verbatim repeats of an earlier claim in the same article
COPIED = 0.03  # near-verbatim copies of another article's sentence
OUTLIER = 0.03  # figures far from the true value (unit slips, wrong figures)
CHANGE = 0.01  # "从X降至Y": a new value of the previous figure
ALSO = 0.01  # figures that also apply to a second entity
NOISE = 0.015  # relative spread of ordinary figures around the true value

QUALIFIERS: tuple[tuple[Qualifier, float], ...] = (
    ("exact", 0.80),
    ("approx", 0.11),
    ("lower", 0.05),
    ("upper", 0.02),
    ("range", 0.02),
)
TIMES = (
    (None, 0.50),
    ("2023", 0.06),
    ("2024", 0.10),
    ("2025", 0.08),
    ("2024Q1", 0.02),
    ("2024Q2", 0.02),
    ("2024Q3", 0.03),
    ("2024Q4", 0.03),
    ("2025Q1", 0.03),
    ("2025Q2", 0.03),
    ("2025Q3", 0.03),
    ("2024H1", 0.02),
    ("2025H1", 0.02),
    ("2025-08", 0.01),
    ("2026 (forecast)", 0.02),
)
SCOPES = (  # the part of the entity a figure covers, as the frame reader gives it (None: unknown)
    ("whole", 0.70),
    ("China", 0.10),
    ("overseas", 0.05),
    ("data-centre segment", 0.05),
    (None, 0.10),
)
STATUSES = (
    ("reported", 0.85),
    ("forecast", 0.08),
    ("preliminary", 0.04),
    ("estimate", 0.03),
)
ORIGINS = (
    (None, 0.80),
    ("IDC", 0.04),
    ("TrendForce", 0.04),
    ("Counterpoint", 0.03),
    ("Gartner", 0.03),
    ("CSET", 0.02),
    ("Jensen Huang", 0.02),
    ("industry insider", 0.02),
)
ORIGIN_ZH = {
    "IDC": "IDC",
    "TrendForce": "集邦咨询",
    "Counterpoint": "Counterpoint",
    "Gartner": "高德纳",
    "CSET": "CSET",
    "Jensen Huang": "黄仁勋",
    "industry insider": "业内人士",
}


@dataclass(frozen=True)
class Attribute:
    """An attribute, its canonical unit, the range of true values, and how an article writes it."""

    name: str
    unit: str
    low: float  # true values are log-uniform in [low, high], in the canonical unit
    high: float
    zh: str
    suffix: str  # written after the number: "GB", "亿元"
    scale: float  # canonical units per written unit: 1e9 for GB


PRODUCT_ATTRIBUTES = (
    Attribute("FP16 dense compute", "FLOPS", 1.5e14, 2.5e15, "FP16稠密算力", "TFLOPS", 1e12),
    Attribute("FP8 sparse compute", "FLOPS", 2e14, 1e16, "FP8稀疏算力", "TFLOPS", 1e12),
    Attribute("INT8 compute", "OPS", 1e14, 4e15, "INT8算力", "TOPS", 1e12),
    Attribute("memory capacity", "byte", 1.6e10, 2.88e11, "显存容量", "GB", 1e9),
    Attribute("memory bandwidth", "byte/second", 4e11, 8e12, "显存带宽", "TB/s", 1e12),
    Attribute("power", "watt", 75, 1400, "功耗", "瓦", 1),
    Attribute("core count", "count", 128, 20000, "核心数", "个", 1),
    Attribute("unit price", "USD", 2000, 60000, "单价", "美元", 1),
)
COMPANY_ATTRIBUTES = (
    Attribute("market share", "percent", 0.5, 60, "市场份额", "%", 1),
    Attribute("revenue share", "percent", 1, 80, "营收占比", "%", 1),
    Attribute("revenue", "CNY", 1e8, 5e11, "营收", "亿元", 1e8),
    Attribute("net profit", "CNY", 1e7, 1e11, "净利润", "亿元", 1e8),
    Attribute("share price", "CNY/share", 5, 1500, "股价", "元/股", 1),
    Attribute("market cap", "CNY", 1e9, 3e12, "总市值", "亿元", 1e8),
)
RATIO = Attribute("performance relative to", "times", 0.05, 20, "性能", "倍", 1)

LEADS = (
    "",
    "",
    "",
    "据悉，",
    "公开资料显示，",
    "记者了解到，",
    "财报显示，",
    "市场人士指出，",
    "数据显示，",
    "值得注意的是，",
    "与此同时，",
    "另据报道，",
)
CITED = ("据{o}数据，", "{o}报告显示，", "{o}表示，", "根据{o}的统计，")
TAILS = (
    "",
    "",
    "，较上一代明显提升",
    "，位居行业前列",
    "，引发市场关注",
    "，同比增长显著",
    "，高于市场预期",
    "，仍落后于主要竞争对手",
    "，创下历史新高",
    "，在国产厂商中领先",
    "，这一数字远超此前预期",
    "，但供货仍然紧张",
    "，分析师认为仍有上升空间",
    "，成为行业焦点",
)
VERBS = {
    "exact": ("为", "达到", "达", "录得", "是"),
    "approx": ("约为", "大约", "接近于约"),
    "lower": ("超过", "突破", "逾"),
    "upper": ("不足", "低于", "不到"),
    "range": ("在",),
}
VENDORS = (
    ("Suiyuan", "燧原"),
    ("Tianshu", "天数"),
    ("Biren", "壁仞"),
    ("Denglin", "登临"),
    ("Xiangdixian", "象帝先"),
    ("Innosilicon", "芯动"),
    ("Iluvatar", "天垓"),
    ("Enflame", "云燧"),
    ("Hexaflake", "曦望"),
    ("Lisuan", "砺算"),
    ("Zhaoxin", "兆芯"),
    ("Loongson", "龙芯"),
    ("Sophgo", "算能"),
    ("Black Sesame", "黑芝麻"),
)


@dataclass(frozen=True)
class Entity:
    name: str
    zh: str  # how an article names it
    product: bool
    chips: int = 1  # a system of this many chips (``chips = N`` in the vocabulary)


def entity_pool(size: int) -> list[Entity]:
    """The packaged entity names (chips and chip makers first; products other than chips, such as cars,
    left out), then made-up chips and companies up to ``size``."""
    entries = sorted(load_lexicon().entities, key=lambda e: not e.where.startswith("entities/semiconductors"))
    pool = []
    for entry in entries:
        if entry.fields.get("kind") == "product" and not entry.where.startswith("entities/semiconductors"):
            continue
        aliases = entry.lists.get("aliases", []) + entry.lists.get("codes", [])
        fallback = aliases[0] if aliases else entry.name
        zh = next((a for a in aliases if any("\u4e00" <= ch <= "\u9fff" for ch in a)), fallback)
        pool.append(Entity(entry.name, zh, entry.fields.get("kind") == "product", int(entry.fields.get("chips", 1))))
    for number in itertools.count(100):
        if len(pool) >= size:
            break
        vendor, vendor_zh = VENDORS[number % len(VENDORS)]
        if number % 2:
            pool.append(Entity(f"{vendor} X{number}", f"{vendor_zh}X{number}", True))
        else:
            pool.append(Entity(f"{vendor} Group {number}", f"{vendor_zh}集团{number}号", False))
    return pool[:size]


def zipf_cumulative(count: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1 / rank**exponent for rank in range(1, count + 1)))


def pick(rng: random.Random, table: tuple[tuple[T, float], ...]) -> T:
    return rng.choices([value for value, _ in table], [weight for _, weight in table])[0]


def rounded(value: float, digits: int) -> tuple[float, float]:
    """``value`` to ``digits`` significant digits, and the step of the last digit."""
    places = digits - 1 - math.floor(math.log10(abs(value)))
    return round(value, places), 10.0**-places


def scaled(value: float, scale: float) -> float:
    """``value`` in written units times ``scale``, without binary noise (37.8 x 1e8, not 3780000000.0000005)."""
    return value * scale if value == 0 else rounded(value * scale, 12)[0]


def written(number: float) -> str:
    text = f"{number:.6f}".rstrip("0").rstrip(".")
    return text


@dataclass
class Generator:
    """Claims one article at a time; ``truth`` holds the true value of each (entity, attribute)."""

    seed: int
    pool: list[Entity]
    exponent: float
    rng: random.Random = field(init=False)
    truth: dict[tuple[str, str], float] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    stats: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.products = [e for e in self.pool if e.product]
        self.cumulative = zipf_cumulative(len(self.pool), self.exponent)
        self.product_cumulative = zipf_cumulative(len(self.products), self.exponent)

    def entity(self, products_only: bool = False) -> Entity:
        pool, cumulative = (self.products, self.product_cumulative) if products_only else (self.pool, self.cumulative)
        return pool[bisect.bisect(cumulative, self.rng.random() * cumulative[-1])]

    def true_value(self, entity: Entity, attribute: Attribute) -> float:
        key = (entity.name, attribute.name)
        if key not in self.truth:
            if attribute.name == "FP8 sparse compute":  # 2x for FP8, 2x for 2:1 sparsity
                value = 4 * self.true_value(entity, PRODUCT_ATTRIBUTES[0])
            elif attribute.name == "market cap":  # price x a share count of 1e8..5e9
                share_rng = random.Random(f"{self.seed}:{entity.name}:shares")
                shares = math.exp(share_rng.uniform(math.log(1e8), math.log(5e9)))
                value = self.true_value(entity, COMPANY_ATTRIBUTES[4]) * shares
            else:
                draw = random.Random(f"{self.seed}:{entity.name}:{attribute.name}")
                value = math.exp(draw.uniform(math.log(attribute.low), math.log(attribute.high)))
                if attribute in PRODUCT_ATTRIBUTES:  # a rack of N chips: N chips' worth
                    value *= entity.chips
            self.truth[key] = value
        return self.truth[key]

    def observed(self, true: float, attribute: Attribute) -> float:
        if self.rng.random() < OUTLIER:
            self.stats["outliers"] += 1
            factor = self.rng.choice((10.0, 0.1, 1000.0, self.rng.uniform(1.5, 4), 1 / self.rng.uniform(1.5, 4)))
            true *= factor
        else:
            true *= 1 + self.rng.gauss(0, NOISE)
        if attribute.unit == "percent":
            true = min(max(true, 0.01), 99.9)
        return true

    def build(self, total: int) -> list[Claim]:
        for article in itertools.count():
            if len(self.claims) >= total:
                break
            count = min(self.rng.randint(CLAIMS_PER_SOURCE // 2, CLAIMS_PER_SOURCE * 3 // 2), total - len(self.claims))
            self.article(f"{article:06d}_{self.rng.getrandbits(32):08x}.txt", count)
        del self.claims[total:]  # a price-and-cap pair may overshoot by one; nothing refers to the last claim
        return self.claims

    def article(self, source: str, count: int) -> None:
        own: list[Claim] = []
        cursor = self.rng.randint(0, 80)
        while len(own) < count:
            cursor += self.rng.randint(10, 160)
            roll = self.rng.random()
            if roll < REPEAT and own:
                claim = self.repeat(self.rng.choice(own), cursor)
            elif roll < REPEAT + COPIED and self.claims:
                claim = self.copy(self.rng.choice(self.claims), source, cursor)
            elif roll < REPEAT + COPIED + RELATIVE:
                claim = self.relative(source, cursor)
            elif roll < REPEAT + COPIED + RELATIVE + CHANGE and own and own[-1].value and not own[-1].relative_to:
                claim = self.change(own[-1], cursor)
            else:
                claim = self.figure(source, cursor, own)
            own.append(claim)
            cursor = claim.end
        self.claims.extend(own)

    def figure(self, source: str, start: int, own: list[Claim]) -> Claim:
        entity = self.entity()
        attribute = self.rng.choice(PRODUCT_ATTRIBUTES if entity.product else COMPANY_ATTRIBUTES)
        when = pick(self.rng, TIMES)
        if attribute.name == "market cap" and self.rng.random() < 0.6:  # "收盘628.31元/股，总市值…"
            price = self.make(source, start, entity, COMPANY_ATTRIBUTES[4], when, exact=True)
            own.append(price)
            self.stats["price and cap"] += 1
            start = price.end + self.rng.randint(5, 40)
        claim = self.make(source, start, entity, attribute, when)
        if self.rng.random() < ALSO:
            other = self.entity(products_only=entity.product)
            if other.name != entity.name:
                claim = replace(claim, also_applies_to=(other.name,))
                self.stats["also applies"] += 1
        return claim

    def make(
        self,
        source: str,
        start: int,
        entity: Entity,
        attribute: Attribute,
        when: str | None,
        exact: bool = False,
        value: float | None = None,
        relative_to: Entity | None = None,
    ) -> Claim:
        qualifier: Qualifier = "exact" if exact else pick(self.rng, QUALIFIERS)
        figure = self.observed(self.true_value(entity, attribute), attribute) if value is None else value
        shown, step = rounded(figure / attribute.scale, 3 if attribute.unit not in ("times", "percent") else 2)
        amount, precision = scaled(shown, attribute.scale), scaled(step, attribute.scale)
        lower: float | None = amount
        upper: float | None = amount
        text = f"{written(shown)}{attribute.suffix}"
        claim_value: float | None = amount
        if qualifier == "approx":
            lower, upper = scaled(amount, 0.9), scaled(amount, 1.1)
        elif qualifier == "lower":
            upper = None
        elif qualifier == "upper":
            lower = None
        elif qualifier == "range":
            low, _ = rounded(shown * 0.9, 2)
            high, _ = rounded(shown * 1.1, 2)
            lower, upper, claim_value = scaled(low, attribute.scale), scaled(high, attribute.scale), None
            text = f"{written(low)}至{written(high)}{attribute.suffix}"
        origin = pick(self.rng, ORIGINS)
        lead = self.rng.choice(CITED).format(o=ORIGIN_ZH[origin]) if origin else self.rng.choice(LEADS)
        period = f"{when[:4]}年" if when else ""
        if relative_to is not None:
            body = f"{entity.zh}的{attribute.zh}{self.rng.choice(VERBS[qualifier])}{relative_to.zh}的{text}"
        else:
            body = f"{period}{entity.zh}{attribute.zh}{self.rng.choice(VERBS[qualifier])}{text}"
        if qualifier == "range":
            body += "之间"
        quote = f"{lead}{body}{self.rng.choice(TAILS)}。"
        self.stats[f"qualifier {qualifier}"] += 1
        return Claim(
            id=f"{source}:{start}",
            source=source,
            start=start,
            end=start + len(text),
            text=text,
            quote=quote,
            value=claim_value,
            lower=lower,
            upper=upper,
            precision=precision,
            unit=attribute.unit,
            qualifier=qualifier,
            lang="zh-Hans",
            entity=entity.name,
            attribute=f"{attribute.name} {relative_to.name}" if relative_to else attribute.name,
            relative_to=relative_to.name if relative_to else None,
            time=when,
            scope=pick(self.rng, SCOPES),
            basis="level",
            status=pick(self.rng, STATUSES),
            origin=origin,
        )

    def relative(self, source: str, start: int) -> Claim:
        """ "A的性能是B的2.3倍": the true ratio of their FP16 dense compute, with noise."""
        entity = self.entity(products_only=True)
        other = self.entity(products_only=True)
        while other.name == entity.name:
            other = self.entity(products_only=True)
        dense = PRODUCT_ATTRIBUTES[0]
        ratio = self.true_value(entity, dense) / self.true_value(other, dense)
        self.stats["relative"] += 1
        return self.make(
            source, start, entity, RATIO, pick(self.rng, TIMES), value=self.observed(ratio, RATIO), relative_to=other
        )

    def repeat(self, original: Claim, start: int) -> Claim:
        """The article prints the passage again: same figure and quote, noted as a duplicate."""
        self.stats["repeats"] += 1
        return replace(
            original,
            id=f"{original.source}:{start}",
            start=start,
            end=start + len(original.text),
            notes=f"duplicate of {original.id}",
            change_from=None,
        )

    def copy(self, original: Claim, source: str, start: int) -> Claim:
        """Another article's sentence reprinted with a light edit (a lead-in or punctuation changed)."""
        quote = original.quote
        edit = self.rng.randrange(3)
        if edit == 0:
            quote = quote.replace("，", ",", 1)
        elif edit == 1:
            quote = "另外，" + quote
        else:
            quote = quote.rstrip("。") + "！"
        self.stats["copied quotes"] += 1
        return replace(
            original,
            id=f"{source}:{start}",
            source=source,
            start=start,
            end=start + len(original.text),
            quote=quote,
            notes=None,
            change_from=None,
        )

    def change(self, previous: Claim, start: int) -> Claim:
        """ "从95%降至60%": a new value of the figure just before it."""
        factor = self.rng.choice((0.5, 0.7, 1.3, 2.0))
        attribute = next(a for a in PRODUCT_ATTRIBUTES + COMPANY_ATTRIBUTES if a.name == previous.attribute)
        entity = next(e for e in self.pool if e.name == previous.entity) if previous.entity else self.entity()
        claim = self.make(
            previous.source,
            start,
            entity,
            attribute,
            previous.time,
            exact=True,
            value=self.observed((previous.value or 0.0) * factor, attribute),
        )
        self.stats["changes"] += 1
        return replace(claim, change_from=previous.id)


def synthesize(size: int, seed: int, pool: int, exponent: float) -> tuple[list[Claim], Counter[str]]:
    generator = Generator(seed, entity_pool(pool), exponent)
    claims = generator.build(size)
    ids = Counter(claim.id for claim in claims)
    if len(ids) != len(claims):
        raise SystemExit(f"bench: duplicate ids: {[i for i, n in ids.items() if n > 1][:5]}")
    return claims, generator.stats


@dataclass
class Result:
    """The figures of one size, as a child process reports them (JSON)."""

    claims: int
    sources: int
    entities: int
    top: str
    top_share: float
    generated: float  # seconds to build the claims (not timed)
    seconds: float  # best check() wall time
    runs: int
    findings: int
    kinds: dict[str, int]
    peak: int | None  # tracemalloc peak, bytes
    rss_before: int  # ru_maxrss before the first check(), KiB
    rss: int  # ru_maxrss at the end, KiB
    stats: dict[str, int]


def measure(size: int, args: argparse.Namespace) -> Result:
    """One size, in this process: build the claims, time ``check``, trace one pass."""
    started = time.perf_counter()
    claims, stats = synthesize(size, args.seed, args.pool, args.zipf)
    generated = time.perf_counter() - started
    blocks = Counter(claim.entity or "" for claim in claims)
    top, top_count = blocks.most_common(1)[0]
    check(claims[:300])  # warm caches (tolerances, vocabulary, derivations) outside the timing
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times: list[float] = []
    while len(times) < args.runs and (not times or sum(times) < args.repeat_below):
        start = time.perf_counter()
        result = check(claims)
        times.append(time.perf_counter() - start)
    peak = None
    if not args.no_tracemalloc:
        del result
        tracemalloc.start()
        result = check(claims)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    kinds = Counter(finding.kind for finding in result.findings)
    return Result(
        claims=len(claims),
        sources=len({c.source for c in claims}),
        entities=len(blocks),
        top=top,
        top_share=top_count / len(claims),
        generated=generated,
        seconds=min(times),
        runs=len(times),
        findings=len(result.findings),
        kinds=dict(kinds.most_common()),
        peak=peak,
        rss_before=rss_before,
        rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        stats=dict(stats),
    )


def in_child(size: int, args: argparse.Namespace) -> Result | str:
    """``measure`` in a fresh interpreter (its own ru_maxrss); a string says why there is no figure."""
    command = [
        sys.executable,
        __file__,
        "--worker",
        str(size),
        "--seed",
        str(args.seed),
        "--pool",
        str(args.pool),
        "--zipf",
        str(args.zipf),
        "--runs",
        str(args.runs),
        "--repeat-below",
        str(args.repeat_below),
    ]
    if args.no_tracemalloc:
        command.append("--no-tracemalloc")
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return f"timed out after {args.timeout:.0f} s"
    if done.returncode != 0:
        return f"failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}"
    return Result(**json.loads(done.stdout.strip().splitlines()[-1]))


def cli_check(runs: int = 3) -> tuple[float, int] | None:
    """Best wall time of ``factrecon check --format json`` on the sample corpus, and its finding count."""
    script = Path(sys.executable).with_name("factrecon")
    if not script.exists():
        return None
    command = [str(script), "check", "--format", "json"]
    output: list[str] = []
    seconds = best_of(
        runs, lambda: output.append(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    )
    return seconds, len(json.loads(output[-1])["findings"])


def mib(kib_or_bytes: float | None, unit: int) -> str:
    return "n/a" if kib_or_bytes is None else f"{kib_or_bytes / unit:,.1f}"


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print a table of figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="claim counts, comma-separated")
    parser.add_argument("--seed", type=int, default=20250611, help="random seed (default 20250611)")
    parser.add_argument("--pool", type=int, default=2000, help="entity names to draw from (default 2000)")
    parser.add_argument("--zipf", type=float, default=1.0, help="Zipf exponent of entity frequency (default 1.0)")
    parser.add_argument("--runs", type=int, default=3, help="timed passes per size at most (default 3)")
    parser.add_argument(
        "--repeat-below",
        type=float,
        default=10.0,
        help="repeat a pass only while the passes so far took less (seconds, default 10)",
    )
    parser.add_argument("--timeout", type=float, default=900.0, help="give up on a size after this (seconds)")
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the traced pass (it is slow)")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker is not None:
        print(json.dumps(asdict(measure(args.worker, args))))
        return

    sizes = sorted(int(size.replace("_", "")) for size in args.sizes.split(","))
    results: list[tuple[int, Result | str]] = []
    print(
        f"seed {args.seed}, Zipf exponent {args.zipf} over {args.pool:,} entity names, "
        f"~{CLAIMS_PER_SOURCE} claims per article\n"
    )
    print(
        f"{'claims':>8} {'articles':>8} {'entities':>8} {'largest block':>22} {'check s':>9} {'claims/s':>9} "
        f"{'findings':>8} {'tracemalloc MiB':>15} {'maxrss MiB':>16}"
    )
    for size in sizes:
        result = in_child(size, args)
        results.append((size, result))
        if isinstance(result, str):
            print(f"{size:>8,} {result}")
            continue
        if result.top_share < MIN_TOP_BLOCK:
            print(f"bench: the largest entity block holds only {result.top_share:.2%}; raise --zipf", file=sys.stderr)
        top = f"{result.top} {result.top_share:.1%}"
        rss = f"{mib(result.rss_before, 2**10)}→{mib(result.rss, 2**10)}"
        print(
            f"{result.claims:>8,} {result.sources:>8,} {result.entities:>8,} {top:>22} {result.seconds:>9.3f} "
            f"{result.claims / result.seconds:>9,.0f} {result.findings:>8,} {mib(result.peak, 2**20):>15} "
            f"{rss:>16}"
        )

    timed = [(size, result) for size, result in results if not isinstance(result, str)]
    if timed:
        largest = timed[-1][1]
        print(f"\nmix of the {largest.claims:,} claims:")
        print("  " + ", ".join(f"{name} {count / largest.claims:.1%}" for name, count in sorted(largest.stats.items())))
        print("  findings: " + ", ".join(f"{kind} {count:,}" for kind, count in largest.kinds.items()))
        print(f"  generation {largest.generated:.1f} s (not timed); check passes timed: {largest.runs}")

    print(f"\ngrowth of check time per 10× claims (target ≤ {TARGET_PER_10X:g}×):")
    for (small, first), (large, second) in itertools.pairwise(results):
        if isinstance(first, str):
            continue
        if isinstance(second, str):  # the timeout bounds the growth from below (it includes generation)
            if second.startswith("timed out"):
                least = (args.timeout / first.seconds) ** (1 / math.log10(large / small))
                print(f"  {small:>8,} → {large:>8,}: > {least:5.1f}× per 10×  OVER TARGET (timed out)")
            continue
        per_10x = (second.seconds / first.seconds) ** (1 / math.log10(large / small))
        verdict = "ok" if per_10x <= TARGET_PER_10X else "OVER TARGET"
        print(f"  {small:>8,} → {large:>8,}: {per_10x:7.1f}× per 10×  {verdict}")
    if len(results) < 2:
        print("  n/a (fewer than two sizes)")

    cli = cli_check()
    figure = "n/a (no console script)" if cli is None else f"{cli[0]:.3f} s ({cli[1]} findings)"
    print(f"\nfactrecon check --format json, sample corpus (best of 3): {figure}")


if __name__ == "__main__":
    main()
