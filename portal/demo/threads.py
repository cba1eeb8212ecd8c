"""The demo's thread records: participating organizations, activities and the
取組状況 timeline, over every block and field."""

from __future__ import annotations

import datetime
from collections import Counter

from threads.models import Activity, Participation, Progress, StatusUpdate

from . import words
from .bulk import insert_with_history, link_with_history
from .context import Demo

# Where the record's volume lies: the diagonal thread is eleven blocks' work.
THREAD_WEIGHTS = (
    ("vertical", 35),
    ("horizontal-network", 20),
    ("horizontal-associations", 10),
    ("diagonal", 35),
)
# Participants per thread at scale 1 (the national network has the most).
PARTICIPANTS = {"horizontal-network": 1_200, "diagonal": 300, "vertical": 150}


def _thread_slug(demo: Demo) -> str:
    slugs, weights = zip(*THREAD_WEIGHTS, strict=True)
    return demo.rng.choices(slugs, weights=weights)[0]


def _progress(demo: Demo, start: datetime.date, end: datetime.date) -> str:
    if end < demo.today:
        return Progress.DONE
    return Progress.PLANNED if start > demo.today else Progress.IN_PROGRESS


def make_participations(demo: Demo) -> int:
    """Organizations taking part in the threads; returns how many.

    Side effects: Participation rows with their creation history.
    """
    taken = set(Participation.objects.values_list("thread_id", "organization_id"))
    pools = {
        "horizontal-network": [o for orgs in demo.governments.values() for o in orgs]
        + demo.companies,
        "diagonal": [o for orgs in demo.councils.values() for o in orgs] + demo.others,
        "vertical": demo.others + demo.companies,
    }
    new = []
    for slug, count in PARTICIPANTS.items():
        thread, pool = demo.threads[slug], pools[slug]
        wanted = min(len(pool), round(count * demo.volumes.scale))
        for org in demo.rng.sample(pool, wanted):
            if (thread.pk, org.pk) in taken:
                continue
            joined = demo.past_day()
            participation = Participation(
                thread_id=thread.pk,
                organization_id=org.pk,
                role="参加団体",
                joined_on=joined,
            )
            participation._history_date = demo.entered(joined, days_after=(0, 7))
            new.append(participation)
    return len(insert_with_history(Participation, new))


def _activity(demo: Demo) -> tuple[Activity, list[int]]:
    slug = _thread_slug(demo)
    start = demo.day()
    end = start + datetime.timedelta(days=demo.rng.randint(1, 60)) if demo.chance(0.15) else None
    pref = demo.prefecture()
    block = (
        pref.block
        if slug == "diagonal" or (slug == "horizontal-network" and demo.chance(0.5))
        else None
    )
    field = demo.pick(demo.fields) if slug == "vertical" or demo.chance(0.4) else None
    activity = Activity(
        thread_id=demo.threads[slug].pk,
        date=start,
        end_date=end,
        date_text=(f"{start.month}月～{end.month}月" if end else f"{start.month}/{start.day}"),
        title=demo.words(demo.pick(words.ACTIVITY_TITLES[slug]), pref, **_field(field))[:300],
        description=demo.words(demo.pick(words.ACTIVITY_DESCRIPTIONS), pref, **_field(field)),
        field_id=field.pk if field else None,
        block_id=block.pk if block else None,
        status=_progress(demo, start, end or start),
    )
    done = activity.status == Progress.DONE
    activity._history_date = demo.entered(end or start, days_after=(1, 7) if done else (-30, -1))
    pool = demo.councils.get(pref.block_id, []) + demo.governments.get(pref.pk, []) + demo.national
    organizations = (
        {demo.pick(pool).pk for _ in range(demo.rng.choice((0, 1, 1, 2, 3)))} if pool else set()
    )
    return activity, sorted(organizations)


def _field(field) -> dict:
    return {"field": field.name} if field else {}


def make_activities(demo: Demo) -> dict[str, int]:
    """Dated activities of every thread; returns the counts.

    Side effects: Activity rows and their organizations, with their creation
    history (bulk.py).
    """
    drawn = [_activity(demo) for _ in range(demo.volumes.activities)]
    made = insert_with_history(Activity, [activity for activity, _orgs in drawn])
    pairs = [(a.pk, o) for a, (_d, orgs) in zip(made, drawn, strict=True) for o in orgs]
    return {
        "activities": len(made),
        "activity organizations": link_with_history(Activity, "organizations", pairs),
    }


def make_status_updates(demo: Demo) -> int:
    """Entries of the 取組状況 timelines, up to today; returns how many.

    Side effects: StatusUpdate rows with their creation history. Entries of
    one thread on one date are numbered in order (StatusUpdate.order).
    """
    orders: Counter = Counter(
        StatusUpdate.all_objects.values_list("thread_id", "as_of")
    )  # the seed's own entries keep their numbers; new ones follow
    new = []
    for _ in range(demo.volumes.status_updates):
        slug = _thread_slug(demo)
        thread = demo.threads[slug]
        as_of = demo.past_day()
        pref = demo.prefecture()
        orders[thread.pk, as_of] += 1
        update = StatusUpdate(
            thread_id=thread.pk,
            as_of=as_of,
            date_text=f"{as_of.year}年{as_of.month}月" if demo.chance(0.3) else "",
            status=demo.rng.choices(
                (Progress.DONE, Progress.IN_PROGRESS, Progress.PLANNED), weights=(50, 35, 15)
            )[0],
            text=demo.words(demo.pick(words.STATUS_TEXTS), pref),
            block_id=pref.block_id if slug == "diagonal" else None,
            order=orders[thread.pk, as_of],
        )
        update._history_date = demo.entered(as_of, days_after=(0, 5))
        new.append(update)
    return len(insert_with_history(StatusUpdate, new))
