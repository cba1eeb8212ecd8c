"""What every part of the demo reads: the random source, today, the reference rows."""

from __future__ import annotations

import datetime
import itertools
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from networks.models import Field, Municipality, Organization, Prefecture, RegionalBlock
from threads.models import Thread

from .volumes import Volumes, date_span


@dataclass
class Demo:
    rng: random.Random
    volumes: Volumes
    today: datetime.date
    now: datetime.datetime
    first_day: datetime.date
    last_day: datetime.date
    blocks: list[RegionalBlock]
    prefectures: list[Prefecture]
    # Prefectures drawn by how many municipalities they have (more places, more
    # sessions): cumulative weights, in `prefectures` order.
    prefecture_weights: list[int]
    municipalities: dict[int, list[Municipality]]  # prefecture id -> not a ward
    fields: list[Field]
    threads: dict[str, Thread]
    # Filled as the parts are made: who can host, attend, take part.
    bureaus: dict[int, Organization] = field(default_factory=dict)  # block id -> bureau
    councils: dict[int, list[Organization]] = field(default_factory=lambda: defaultdict(list))
    governments: dict[int, list[Organization]] = field(default_factory=lambda: defaultdict(list))
    prefecture_governments: dict[int, Organization] = field(default_factory=dict)
    national: list[Organization] = field(default_factory=list)
    companies: list[Organization] = field(default_factory=list)
    others: list[Organization] = field(default_factory=list)
    member_ids: list[int] = field(default_factory=list)

    @classmethod
    def load(cls, *, volumes: Volumes, seed: int, today: datetime.date) -> Demo:
        prefectures = list(Prefecture.objects.select_related("block").order_by("code"))
        municipalities: dict[int, list[Municipality]] = defaultdict(list)
        for municipality in Municipality.objects.exclude(kind=Municipality.Kind.WARD).order_by(
            "code"
        ):
            municipalities[municipality.prefecture_id].append(municipality)
        first_day, last_day = date_span(today)
        return cls(
            rng=random.Random(seed),
            volumes=volumes,
            today=today,
            # "Now" is the end of today in Japan, so a run's output depends on
            # the seed and the day only, not on the hour.
            now=timezone.make_aware(datetime.datetime.combine(today, datetime.time(18))),
            first_day=first_day,
            last_day=last_day,
            blocks=list(RegionalBlock.objects.order_by("order", "code")),
            prefectures=prefectures,
            prefecture_weights=list(
                itertools.accumulate(len(municipalities[p.pk]) + 10 for p in prefectures)
            ),
            municipalities=municipalities,
            fields=list(Field.objects.order_by("order")),
            threads={thread.slug: thread for thread in Thread.objects.all()},
        )

    # --- drawing ---------------------------------------------------------------

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def prefecture(self) -> Prefecture:
        return self.rng.choices(self.prefectures, cum_weights=self.prefecture_weights)[0]

    def municipality_in(self, prefecture: Prefecture) -> Municipality | None:
        places = self.municipalities.get(prefecture.pk)
        return self.pick(places) if places else None

    def day(self) -> datetime.date:
        span = (self.last_day - self.first_day).days
        return self.first_day + datetime.timedelta(days=self.rng.randrange(span + 1))

    def past_day(self) -> datetime.date:
        span = (self.today - self.first_day).days
        return self.first_day + datetime.timedelta(days=self.rng.randrange(span + 1))

    def entered(self, day: datetime.date, *, days_after: tuple[int, int]) -> datetime.datetime:
        """When staff typed the record: some days from `day`, in office hours, never
        after now (the history's date)."""
        shift = datetime.timedelta(days=self.rng.randint(*days_after))
        moment = datetime.datetime.combine(
            day + shift, datetime.time(self.rng.randint(9, 17), self.rng.randrange(60))
        )
        return min(timezone.make_aware(moment), self.now)

    def words(self, pattern: str, prefecture: Prefecture | None = None, **extra) -> str:
        """`pattern` with its placeholders filled from random (or given) places and fields."""
        prefecture = prefecture or self.prefecture()
        block = extra.pop("block", None) or prefecture.block
        municipality = self.municipality_in(prefecture)
        councils = self.councils.get(block.pk)
        values = {
            "pref": prefecture.name,
            "pref2": self.prefecture().name,
            "muni": municipality.name if municipality else prefecture.name,
            "block": block.name,
            "bureau": block.bureau_name,
            "council": councils[0].name if councils else block.council_name or block.name,
            "field": self.pick(self.fields).name,
            "n": self.rng.randint(1, 5),
            "count": self.rng.randint(2, 30),
            "year": self.rng.randint(self.first_day.year, self.last_day.year),
        }
        values.update(extra)
        return pattern.format(**values)
