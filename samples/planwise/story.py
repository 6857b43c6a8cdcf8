"""The calendar, the vocabulary and the parameters of the planted stories (README.md quotes these)."""

from __future__ import annotations

import numpy as np

SEED = 20240401
N_USERS = 3000

FIRST_DAY = np.datetime64("2024-01-01", "D")  # a Monday
N_DAYS = 182  # 2024-01-01 .. 2024-06-30
US_PER_DAY = 86_400_000_000


def day_index(iso_date: str) -> int:
    """Days since FIRST_DAY."""
    return int((np.datetime64(iso_date, "D") - FIRST_DAY).astype(np.int64))


def is_weekend(day: np.ndarray) -> np.ndarray:
    """Saturday or Sunday, for day indexes counted from FIRST_DAY."""
    return day % 7 >= 5


RELEASE_DAY = day_index("2024-04-01")  # "Reminders 2.0"
OUTAGE_DAY = day_index("2024-05-14")
LOAD_TEST_DAY = day_index("2024-02-20")

PLATFORMS = np.array(["web", "ios", "android"])
WEB, IOS, ANDROID = 0, 1, 2
PLANS = np.array(["free", "team", "business"])
FREE, TEAM, BUSINESS = 0, 1, 2
EVENTS = np.array(
    "signup login create_project invite_teammate upgrade_plan view_dashboard complete_task comment_task "
    "export_report set_reminder error_shown contact_support".split()
)
SIGNUP, LOGIN, CREATE, INVITE, UPGRADE, DASHBOARD, COMPLETE, COMMENT, EXPORT, REMINDER, ERROR, SUPPORT = (
    range(len(EVENTS))
)

# Who the users are
EXISTING_SHARE = 0.36  # customers who signed up before 2024, so have no signup event in the window
PLATFORM_SHARE = (0.52, 0.22, 0.26)  # web, ios, android: each user's main platform
MOBILE_ON_WEB = 0.18  # share of a mobile user's sessions that happen in the web app
EXISTING_PLAN_SHARE = (0.45, 0.40, 0.15)  # free, team, business; new users all start on free
ENGAGEMENT = (0.02, 0.42, 1.8, 4.0)  # chance of being active on a weekday: a + b * Beta(c, d)
HONEYMOON = (0.8, 5.0)  # activity x (1 + 0.8 * exp(-days since signup / 5))

# Seasonality and the outage
WEEKEND_FACTOR = 0.22  # chance of being active on a Saturday/Sunday relative to a weekday
OUTAGE_FACTOR = 0.15  # chance of being active on the outage day relative to a normal weekday
OUTAGE_ERROR_WEIGHT = 0.75  # extra error_shown weight per event on the outage day (normal weights sum to ~1)
OUTAGE_SUPPORT_WEIGHT = 0.06

# Sessions: 1-3 per active day, each of 1 + Poisson(2.6) events (max 12) about 75 s apart
SESSIONS_PER_DAY = (0.55, 0.30, 0.15)
EVENTS_PER_SESSION = 2.6
SECONDS_BETWEEN_EVENTS = 75
LOGIN_FIRST = 0.45  # a session starts with login, else with view_dashboard
WEEKDAY_HOURS = np.array(
    [0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 8, 10, 10, 9, 6, 8, 9, 9, 8, 6, 4, 3, 2.5, 2, 1, 0]
)
WEEKEND_HOURS = np.array(
    [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 4, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 3, 2, 1, 0]
)
GENERIC_WEIGHTS = {  # weights of the events after the first of a session
    LOGIN: 0.03,
    CREATE: 0.05,
    INVITE: 0.03,  # only once a user has invited someone for the first time
    DASHBOARD: 0.25,
    COMPLETE: 0.25,
    COMMENT: 0.17,
    EXPORT: 0.06,
}

# Reminders 2.0: the set_reminder weight per event, times a per-user affinity ~ Gamma(0.8) with mean 1
REMINDER_RATE_BEFORE = 0.016
REMINDER_RATE_AFTER = 0.10  # reached two weeks after the release (linear ramp in between)
REMINDER_RAMP_DAYS = 14

# Android crashes and retention
ERROR_RATE = (0.007, 0.010, 0.045)  # error_shown weight per event, by the event's platform
SUPPORT_RATE = (0.004, 0.005, 0.011)
STAY_RATE = (0.60, 0.55, 0.28)  # chance a new user who created a project stays to the end, by platform
NO_PROJECT_STAY = 0.25  # ... multiplied by this for users who never create a project
INVITER_STAY = 1.4  # ... and by this for users who invite a teammate (capped at 0.9)
EXISTING_STAY = (0.75, 0.95)  # existing free / paying customers; the others leave evenly over the window
EARLY_LIFETIME_DAYS = 9.0  # mean days of activity of new users who leave

# The funnel signup -> create_project -> invite_teammate -> upgrade_plan
CREATE_RATE = 0.78  # create_project in the signup session
INVITE_RATE = 0.30  # of creators; half on day one, the rest after 1 + Geometric(0.35) days if still active
UPGRADE_RATE_INVITED = 0.60  # of inviters; 30% on the invite day, the rest after Geometric(0.3) days
UPGRADE_RATE_SOLO = 0.03  # creators who upgrade without ever inviting anyone
EXISTING_UPGRADE_RATE = (0.06, 0.05)  # existing free -> team, team -> business, on a random day

# Customers, billing, survey
COUNTRIES = np.array(["US", "GB", "DE", "FR", "NL", "CA", "AU", "ES", "SE", "IN", "BR"])
COUNTRY_SHARE = (0.34, 0.12, 0.11, 0.07, 0.05, 0.07, 0.05, 0.04, 0.04, 0.06, 0.05)
EURO_COUNTRIES = ("DE", "FR", "NL", "ES")
COMPANY_SIZES = np.array(["1-10", "11-50", "51-200", "201-1000", "1000+"])
COMPANY_SIZE_BY_PLAN = np.array(
    [[0.55, 0.30, 0.10, 0.04, 0.01], [0.25, 0.40, 0.22, 0.10, 0.03], [0.05, 0.20, 0.35, 0.25, 0.15]]
)
SEAT_PRICE = {"USD": (0, 10, 20), "EUR": (0, 9, 18), "GBP": (0, 8, 16)}  # per seat and month, by plan
CANCEL_AFTER_DAYS = 20  # a paying customer who stops using Planwise cancels about three weeks later
SURVEY_RATE = 0.07  # share of a month's active users who answer that month's in-app survey
ANONYMOUS_ANSWERS = 0.03
NPS_GROUPS = {  # (detractor, promoter) probabilities
    "android": (0.42, 0.26),
    "before": (0.27, 0.42),
    "after": (0.20, 0.50),  # from two weeks after Reminders 2.0
}
