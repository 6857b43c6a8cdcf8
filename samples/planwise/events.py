"""The event log: sessions of real users, the funnel milestones written over them, and test accounts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from planwise import story as s
from planwise.draw import choice_rows, cumsum_within
from planwise.people import Users

TEST_ACCOUNTS = np.array(["test_qa_01", "test_qa_02", "qa_automation", "test_loadtest"])
QA_SUITE = (  # the nightly end-to-end run of qa_automation
    "signup login create_project invite_teammate view_dashboard complete_task comment_task export_report "
    "set_reminder upgrade_plan view_dashboard complete_task export_report error_shown login".split()
)
_KEY_SHIFT = 1 << 45  # user * _KEY_SHIFT + microseconds: one sortable key; 182 days < 2**45 µs


@dataclass
class Events:
    """Event rows as parallel arrays (codes, not strings, until the file is written)."""

    user: np.ndarray  # user index; test accounts come after the real users
    ts: np.ndarray  # int64 microseconds since FIRST_DAY
    event: np.ndarray
    platform: np.ndarray
    plan: np.ndarray


def real_events(
    rng: np.random.Generator, users: Users, cells: tuple[np.ndarray, np.ndarray]
) -> tuple[Events, np.ndarray]:
    """Sessions of a few events on each active day, then the funnel milestones written over them.

    Returns the events sorted by user and time, and each user's upgrade time (inf when none).
    """
    cell_user, cell_day = cells
    signup_cell = users.is_new[cell_user] & (cell_day == users.first_day[cell_user])

    n_sessions = rng.choice([1, 2, 3], size=len(cell_user), p=s.SESSIONS_PER_DAY)
    s_user = np.repeat(cell_user, n_sessions)
    s_day = np.repeat(cell_day, n_sessions)
    hour = np.where(
        s.is_weekend(s_day),
        rng.choice(24, size=len(s_day), p=s.WEEKEND_HOURS / s.WEEKEND_HOURS.sum()),
        rng.choice(24, size=len(s_day), p=s.WEEKDAY_HOURS / s.WEEKDAY_HOURS.sum()),
    )
    s_start = s_day * s.US_PER_DAY + (hour * 3600 + rng.integers(0, 3600, len(s_day))) * 1_000_000
    on_web = (rng.random(len(s_user)) < s.MOBILE_ON_WEB) & ~np.repeat(signup_cell, n_sessions)
    s_platform = np.where(on_web, s.WEB, users.platform[s_user])  # people sign up on their main platform
    n_events = 1 + rng.poisson(s.EVENTS_PER_SESSION, len(s_user))
    # The signup session needs room for signup and create_project.
    n_events = np.where(np.repeat(signup_cell, n_sessions), np.maximum(n_events, 3), np.minimum(n_events, 12))

    user = np.repeat(s_user, n_events)
    day = np.repeat(s_day, n_events)
    platform = np.repeat(s_platform, n_events)
    session_first = np.zeros(len(user), dtype=bool)
    session_first[np.cumsum(n_events) - n_events] = True
    gap = np.clip(rng.exponential(s.SECONDS_BETWEEN_EVENTS, len(user)), 3, 600).astype(np.int64)
    offset = cumsum_within(np.where(session_first, 0, gap), n_events)
    sub_second = np.where(platform == s.WEB, 0, rng.integers(0, 1_000_000, len(user)))  # mobile SDKs send µs
    ts = np.repeat(s_start, n_events) + offset * 1_000_000 + sub_second

    event = np.where(rng.random(len(user)) < s.LOGIN_FIRST, s.LOGIN, s.DASHBOARD)
    inner = ~session_first
    event[inner] = _in_session_events(rng, users, user[inner], day[inner], platform[inner])

    order = np.lexsort((ts, user))
    user, ts, event, platform = user[order], ts[order], event[order], platform[order]
    upgrade_ts = _write_milestones(rng, users, user, ts, event)
    plan = np.where(ts >= upgrade_ts[user], users.upgrade_to[user], users.plan[user])
    return Events(user, ts, event, platform, plan), upgrade_ts


def _in_session_events(
    rng: np.random.Generator, users: Users, user: np.ndarray, day: np.ndarray, platform: np.ndarray
) -> np.ndarray:
    """Draw the events after a session's first; reminder, error and support weights vary by date and user."""
    weights = np.zeros((len(user), len(s.EVENTS)))
    for code, weight in s.GENERIC_WEIGHTS.items():
        weights[:, code] = weight
    ramp = np.clip((day - s.RELEASE_DAY + 1) / s.REMINDER_RAMP_DAYS, 0, 1)
    reminder_rate = s.REMINDER_RATE_BEFORE + (s.REMINDER_RATE_AFTER - s.REMINDER_RATE_BEFORE) * ramp
    weights[:, s.REMINDER] = reminder_rate * users.reminder_affinity[user]
    outage = day == s.OUTAGE_DAY
    weights[:, s.ERROR] = np.array(s.ERROR_RATE)[platform] + s.OUTAGE_ERROR_WEIGHT * outage
    weights[:, s.SUPPORT] = np.array(s.SUPPORT_RATE)[platform] + s.OUTAGE_SUPPORT_WEIGHT * outage
    return choice_rows(rng, weights)


def _write_milestones(
    rng: np.random.Generator, users: Users, user: np.ndarray, ts: np.ndarray, event: np.ndarray
) -> np.ndarray:
    """Turn the right rows into signup, create_project, invite_teammate and upgrade_plan (in place).

    Rows are sorted by user and time. A milestone lands on the user's first event at or after its target time,
    so it only happens if the user is still active then: churned users drop out of the funnel by themselves.
    Returns each user's upgrade time (inf when they never upgrade).
    """
    n = len(users.user_id)
    key = user * _KEY_SHIFT + ts
    first = np.searchsorted(user, np.arange(n))
    new = np.flatnonzero(users.is_new)
    event[first[new]] = s.SIGNUP
    creators = new[users.creates_project[new]]
    event[first[creators] + 1] = s.CREATE
    event[(event == s.CREATE) & ~users.creates_project[user]] = s.DASHBOARD

    invite_ts = np.full(n, np.inf)
    invite_ts[~users.is_new & users.invites] = -np.inf
    inviters = new[users.invites[new]]
    delay = np.where(rng.random(len(inviters)) < 0.5, 0, rng.geometric(0.35, len(inviters)))
    target = ts[first[inviters] + 1] + 1 + delay * s.US_PER_DAY
    invite_ts[inviters] = _land(key, ts, event, inviters, target, s.INVITE)
    event[(event == s.INVITE) & (ts < invite_ts[user])] = s.COMMENT

    upgrade_ts = np.full(n, np.inf)
    upgraders = new[users.upgrades[new]]
    since = np.where(np.isfinite(invite_ts[upgraders]), invite_ts[upgraders], ts[first[upgraders] + 1])
    delay = np.where(rng.random(len(upgraders)) < 0.3, 0, rng.geometric(0.3, len(upgraders)))
    upgrade_ts[upgraders] = _land(key, ts, event, upgraders, since + 1 + delay * s.US_PER_DAY, s.UPGRADE)
    upgraders = np.flatnonzero(~users.is_new & users.upgrades)
    target = rng.integers(0, s.N_DAYS, len(upgraders)) * s.US_PER_DAY
    upgrade_ts[upgraders] = _land(key, ts, event, upgraders, target, s.UPGRADE)
    return upgrade_ts


def _land(
    key: np.ndarray, ts: np.ndarray, event: np.ndarray, who: np.ndarray, target: np.ndarray, code: int
) -> np.ndarray:
    """Set ``code`` on each user's first event at or after ``target``; return its time (inf if none)."""
    idx = np.searchsorted(key, who * _KEY_SHIFT + target.astype(np.int64))
    found = idx < len(key)
    found[found] = key[idx[found]] // _KEY_SHIFT == who[found]
    event[idx[found]] = code
    return np.where(found, ts[np.minimum(idx, len(ts) - 1)], np.inf)


def qa_account_events(rng: np.random.Generator, first_index: int, scale: float) -> Events:
    """QA and load-test accounts with machine-like volumes, to be found and excluded in the cleaning step."""
    parts: list[tuple[int, np.ndarray, np.ndarray]] = []  # (account, timestamps µs, event codes)
    weekdays = np.flatnonzero(~s.is_weekend(np.arange(s.N_DAYS)))
    for tester in (0, 1):  # manual QA: bursts of clicking through everything on ~15 working days
        days = np.sort(rng.choice(weekdays, size=max(1, round(15 * scale)), replace=False))
        per_day = rng.integers(60, 110, len(days))
        start = np.repeat(days * s.US_PER_DAY + rng.integers(9, 17, len(days)) * 3_600_000_000, per_day)
        clicks = cumsum_within(rng.integers(1, 6, per_day.sum()), per_day) * 1_000_000
        parts.append((tester, start + clicks, rng.integers(0, len(s.EVENTS), per_day.sum())))
    nights = np.arange(0, s.N_DAYS, max(1, round(1 / scale)))  # the nightly suite at 02:00, a step every 4 s
    codes = {name: code for code, name in enumerate(s.EVENTS)}
    steps = np.array([codes[name] for name in QA_SUITE])
    suite_ts = np.add.outer(nights * s.US_PER_DAY + 7_200_000_000, np.arange(len(steps)) * 4_000_000)
    parts.append((2, suite_ts.ravel(), np.tile(steps, len(nights))))
    burst = round(2000 * scale)  # a one-hour load test in the afternoon
    load_ts = s.LOAD_TEST_DAY * s.US_PER_DAY + (14 * 3600 + np.sort(rng.integers(0, 3600, burst))) * 1_000_000
    parts.append((3, load_ts, rng.choice([s.LOGIN, s.DASHBOARD, s.COMPLETE], size=burst)))

    account = np.concatenate([np.full(len(t), a) for a, t, _ in parts])
    return Events(
        user=first_index + account,
        ts=np.concatenate([t for _, t, _ in parts]),
        event=np.concatenate([e for _, _, e in parts]),
        platform=np.where(account < 2, rng.integers(0, 3, len(account)), s.WEB),
        plan=np.full(len(account), s.BUSINESS),
    )


def write_events(path: Path, user_ids: np.ndarray, real: Events, test: Events) -> None:
    """One chronological CSV, as an analytics tool exports it: web times in seconds, mobile ones in µs."""
    user = np.concatenate([real.user, test.user])
    ts = np.concatenate([real.ts, test.ts])
    order = np.lexsort((user, ts))
    ts = ts[order]
    stamp = s.FIRST_DAY.astype("datetime64[us]") + ts.astype("timedelta64[us]")
    text = np.where(
        ts % 1_000_000 == 0, np.datetime_as_string(stamp, unit="s"), np.datetime_as_string(stamp, unit="us")
    )
    frame = pd.DataFrame(
        {
            "user_id": user_ids[user[order]],
            "timestamp": np.char.replace(text, "T", " "),
            "event": s.EVENTS[np.concatenate([real.event, test.event])[order]],
            "platform": s.PLATFORMS[np.concatenate([real.platform, test.platform])[order]],
            "plan": s.PLANS[np.concatenate([real.plan, test.plan])[order]],
        }
    )
    frame.to_csv(path, index=False, lineterminator="\n")
