"""Planwise's users: who they are, how engaged, when they leave, and the days they were active."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planwise import story as s
from planwise.draw import choice_rows


@dataclass
class Users:
    """The real (non-test) users; every array is aligned by user index, ids numbered by signup order."""

    user_id: np.ndarray
    is_new: np.ndarray  # signed up inside the window, so has a signup event
    signup: np.ndarray  # datetime64[D]
    first_day: np.ndarray  # first day index they can be active
    last_day: np.ndarray  # last day index they are active (>= N_DAYS: still around at the end)
    platform: np.ndarray
    plan: np.ndarray  # plan at the start of the window
    country: np.ndarray
    company_size: np.ndarray
    engagement: np.ndarray  # chance of being active on a weekday
    reminder_affinity: np.ndarray
    creates_project: np.ndarray
    invites: np.ndarray  # new users: will invite; existing users: may invite at any time
    upgrades: np.ndarray  # will move up one plan if still active at the chosen time

    @property
    def upgrade_to(self) -> np.ndarray:
        return np.minimum(self.plan + 1, s.BUSINESS)


def make_users(rng: np.random.Generator, n: int) -> Users:
    """Existing customers plus a growing, weekday-heavy stream of signups."""
    n_existing = round(n * s.EXISTING_SHARE)
    days = np.arange(s.N_DAYS)
    signup_weight = (1 + 0.5 * days / s.N_DAYS) * np.where(s.is_weekend(days), 0.35, 1.0)
    new_day = np.sort(rng.choice(s.N_DAYS, size=n - n_existing, p=signup_weight / signup_weight.sum()))
    old_signup = np.sort(np.datetime64("2022-03-01") + rng.integers(0, 670, n_existing))
    signup = np.concatenate([old_signup, s.FIRST_DAY + new_day])
    is_new = np.arange(n) >= n_existing
    first_day = np.where(is_new, signup - s.FIRST_DAY, 0).astype(np.int64)

    platform = rng.choice(3, size=n, p=s.PLATFORM_SHARE)
    plan = np.where(is_new, s.FREE, rng.choice(3, size=n, p=s.EXISTING_PLAN_SHARE))
    paying = plan > s.FREE
    company_size = choice_rows(rng, s.COMPANY_SIZE_BY_PLAN[plan])
    country = rng.choice(len(s.COUNTRIES), size=n, p=s.COUNTRY_SHARE)
    low, spread, a, b = s.ENGAGEMENT
    engagement = low + spread * rng.beta(a, b, n) + 0.04 * paying

    creates = ~is_new | (rng.random(n) < s.CREATE_RATE)
    invites = np.where(is_new, creates & (rng.random(n) < s.INVITE_RATE), paying | (rng.random(n) < 0.1))
    stay_new = np.array(s.STAY_RATE)[platform] * np.where(creates, 1.0, s.NO_PROJECT_STAY)
    stay_new = np.minimum(stay_new * np.where(invites, s.INVITER_STAY, 1.0), 0.9)
    stay = np.where(is_new, stay_new, np.array(s.EXISTING_STAY)[paying.astype(int)])
    lifetime = np.where(
        is_new,
        np.ceil(rng.exponential(s.EARLY_LIFETIME_DAYS, n)),
        rng.integers(0, s.N_DAYS, n),
    ).astype(np.int64)
    last_day = np.where(rng.random(n) < stay, 10 * s.N_DAYS, first_day + lifetime)

    new_rate = np.where(invites, s.UPGRADE_RATE_INVITED, s.UPGRADE_RATE_SOLO * creates)
    upgrade_rate = np.where(is_new, new_rate, np.array(s.EXISTING_UPGRADE_RATE + (0.0,))[plan])
    return Users(
        user_id=np.char.add("u", np.char.zfill(np.arange(1, n + 1).astype(str), 5)),
        is_new=is_new,
        signup=signup,
        first_day=first_day,
        last_day=last_day,
        platform=platform,
        plan=plan,
        country=country,
        company_size=company_size,
        engagement=engagement,
        reminder_affinity=rng.gamma(0.8, 1 / 0.8, n),
        creates_project=creates,
        invites=invites,
        upgrades=rng.random(n) < upgrade_rate,
    )


def active_days(rng: np.random.Generator, users: Users) -> tuple[np.ndarray, np.ndarray]:
    """(user, day) pairs a user was active: engagement x weekday x outage, boosted in the first days."""
    days = np.arange(s.N_DAYS)
    day_factor = np.where(s.is_weekend(days), s.WEEKEND_FACTOR, 1.0)
    day_factor[s.OUTAGE_DAY] *= s.OUTAGE_FACTOR
    age = days[None, :] - users.first_day[:, None]
    alive = (age >= 0) & (days[None, :] <= users.last_day[:, None])
    boost, half_life = s.HONEYMOON
    honeymoon = 1 + boost * np.exp(-np.maximum(age, 0) / half_life)
    p = np.minimum(users.engagement[:, None] * honeymoon, 0.95) * day_factor[None, :]
    active = alive & (rng.random(p.shape) < p)
    new = np.flatnonzero(users.is_new)
    active[new, users.first_day[new]] = True  # signing up is activity
    user, day = np.nonzero(active)
    return user, day
