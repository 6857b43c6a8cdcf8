"""Free-text NPS comments for the Planwise sample survey.

The comments echo the stories planted in the event data — Android crashes, clunky exports, reminders that
got much better with Reminders 2.0 on 2024-04-01, price, onboarding — so a product owner reading the survey
finds the same themes the numbers show. Which theme a respondent writes about depends on their score group,
platform, plan, tenure and whether they answered before or after the release.
"""

from __future__ import annotations

import numpy as np

DETRACTOR, PASSIVE, PROMOTER = 0, 1, 2

COMMENTS: dict[str, list[str]] = {
    "crash": [
        "The Android app crashes every time I open a task with attachments.",
        "App keeps crashing on my Pixel. I've reinstalled twice, same thing.",
        "Mobile app is unusable - it freezes and then closes when syncing.",
        "crashes constantly on android, I gave up and use the browser on my phone",
        "Lost a comment I'd written because the app crashed. Again.",
        "The app shows 'Something went wrong' several times a day.",
        "Great on desktop, but the Android app crashes so often that my team stopped using it on site.",
    ],
    "mobile_slow": [
        "Phone app is slow to load projects, the web version is fine.",
        "The mobile app works but feels sluggish compared to the web.",
        "Would be a 9 if the app didn't log me out all the time.",
    ],
    "export_bad": [
        "Exporting a report to Excel loses all the formatting.",
        'The "Export report" button times out on bigger projects.',
        "I need to export to PDF for my clients every week and it takes forever.",
        "Exports don't include the custom fields, so I rebuild the report by hand.",
        "CSV export uses semicolons and breaks our import. Please let us choose.",
    ],
    "export_wish": [
        "Exports are ok but I'd love scheduled reports by email.",
        "Good tool. Reporting/exports could be more flexible.",
        "Please add Google Sheets export.",
    ],
    "export_good": [
        "The weekly export saves me an hour every Monday.",
    ],
    "price": [
        "Too expensive for a small team like ours.",
        "Price per seat adds up quickly once you invite the whole team.",
        "The jump from Free to Team is big for what you get.",
        "We'd upgrade if there was a cheaper plan for 3-4 people.",
    ],
    "price_eur": [
        "€9 per seat is a lot for a small agency.",
        "Pricing in € went up again, hard to justify for a team of four.",
    ],
    "onboarding": [
        "Took me a while to figure out how to set up my first project.",
        "Not sure how to get my team in here - the invite option is hidden.",
        "Onboarding was confusing, too many empty screens at the start.",
        "I didn't understand the difference between projects and boards at first.",
        "A short tutorial would help. I still don't know what half the buttons do.",
    ],
    "reminder_bad": [
        "Reminders never fire on time, so I stopped relying on them.",
        "Setting a reminder takes too many clicks.",
        "I wish I could get a reminder before a task is due.",
    ],
    "reminder_good": [
        "The new reminders are great - one tap from the task and done.",
        "Love the new reminders! Our team finally stops missing deadlines.",
        "Reminders 2.0 is exactly what we needed.",
        "Much better reminders since the update, I use them every day.",
        "The daily reminder digest keeps the whole team on track.",
    ],
    "reminder_mixed": [
        "New reminders are nice, but I'd like to snooze them.",
        "Reminders got better. Still miss recurring reminders.",
    ],
    "praise": [
        "Easy to use and the whole team adopted it quickly.",
        "Best planning tool we've tried.",
        "Simple, fast, does what we need.",
        "Great product, really well thought out.",
        "Clean interface and the dashboard gives me the overview I need.",
        "great",
        "Makes our weekly planning so much easier.\nThe dashboard is what sold my manager.",
    ],
    "collaboration": [
        "Commenting on tasks replaced half of our emails.",
        "Having everyone in one place with their tasks is a game changer.",
        "Inviting clients as guests works really well for us.",
    ],
    "general_bad": [
        "Too many small bugs lately.",
        "Support took three days to answer.",
        "The dashboard is cluttered, hard to find what matters.",
        "Notifications are overwhelming.",
    ],
    "general_mixed": [
        "Good, but lacks a timeline / Gantt view.",
        "Does the job. Search could be better.",
        "Solid tool, a few rough edges.",
        "Fine for now, we'll see how it scales with more projects.",
    ],
}

# Second sentences that make the answers read less canned; indexed by score group.
TAILS: tuple[list[str], ...] = (
    [
        "",
        "",
        "",
        " Please fix this.",
        " Really frustrating.",
        " We're looking at alternatives.",
        " Otherwise it's fine.",
        " This has been going on for weeks.",
    ],
    ["", "", "", " Otherwise good.", " Mostly happy though.", " Would recommend if that improves."],
    ["", "", "", " Thanks!", " Keep it up.", " Thank you team!", " Recommended it to two other teams."],
)


def survey_comments(
    rng: np.random.Generator,
    *,
    group: np.ndarray,
    android: np.ndarray,
    mobile: np.ndarray,
    after_release: np.ndarray,
    new_user: np.ndarray,
    paying: np.ndarray,
    euro: np.ndarray,
) -> np.ndarray:
    """One comment per respondent ("" for the many who leave the box empty), drawn from the themes above."""
    comments = []
    for i in range(len(group)):
        if rng.random() < (0.22, 0.38, 0.45)[group[i]]:
            comments.append("")
            continue
        themes = _theme_weights(
            int(group[i]),
            bool(android[i]),
            bool(mobile[i]),
            bool(after_release[i]),
            bool(new_user[i]),
            bool(paying[i]),
        )
        names = list(themes)
        weights = np.array([themes[name] for name in names])
        theme = names[rng.choice(len(names), p=weights / weights.sum())]
        if theme == "price" and euro[i] and rng.random() < 0.5:
            theme = "price_eur"
        options, tails = COMMENTS[theme], TAILS[group[i]]
        text = options[rng.integers(len(options))] + tails[rng.integers(len(tails))]
        comments.append(text.lower() if rng.random() < 0.08 else text)
    return np.array(comments, dtype=object)


def _theme_weights(
    group: int, android: bool, mobile: bool, after: bool, new_user: bool, paying: bool
) -> dict[str, float]:
    """How likely each theme is for one respondent; the stories show up as shifts in these weights."""
    if group == DETRACTOR:
        return {
            "crash": 1.2 if android else (0.3 if mobile else 0.0),
            "export_bad": 0.5,
            "price": 0.45 if paying else 0.25,
            "onboarding": 0.8 if new_user else 0.05,
            "reminder_bad": 0.05 if after else 0.35,
            "general_bad": 0.3,
        }
    if group == PASSIVE:
        return {
            "mobile_slow": 0.35 if mobile else 0.0,
            "export_bad": 0.2,
            "export_wish": 0.35,
            "price": 0.35,
            "onboarding": 0.4 if new_user else 0.03,
            "reminder_bad": 0.0 if after else 0.25,
            "reminder_mixed": 0.3 if after else 0.0,
            "general_mixed": 0.4,
        }
    return {
        "reminder_good": 1.1 if after else 0.0,
        "praise": 0.8,
        "collaboration": 0.35,
        "export_good": 0.08,
    }
