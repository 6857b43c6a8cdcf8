"""Writing the exports: the event log, the CRM's customer sheet, the NPS survey, the billing file and the
website's GA4 traffic report (an aggregated export: sessions per day and channel, no user-level rows)."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from planwise import story as s
from planwise.draw import choice_rows
from planwise.events import TEST_ACCOUNTS, qa_account_events, real_events, write_events
from planwise.people import Users, active_days, make_users
from planwise.survey_text import survey_comments

EXPORTED_AT = datetime(2024, 7, 1, 8, 0, 0)  # stamped into the workbook instead of "now"


def generate(out_dir: Path, n_users: int = s.N_USERS, seed: int = s.SEED) -> dict[str, Path]:
    """Write events.csv, customers.xlsx, survey.csv and revenue.csv for ``n_users`` users into ``out_dir``.

    Test accounts scale with ``n_users`` too, so a small run keeps the full run's proportions.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    users = make_users(rng, n_users)
    cells = active_days(rng, users)
    events, upgrade_ts = real_events(rng, users, cells)
    qa_events = qa_account_events(rng, n_users, n_users / s.N_USERS)
    paths = {
        "events": out_dir / "events.csv",
        "customers": out_dir / "customers.xlsx",
        "survey": out_dir / "survey.csv",
        "revenue": out_dir / "revenue.csv",
        "web_traffic": out_dir / "web_traffic.csv",
    }
    write_events(paths["events"], np.concatenate([users.user_id, TEST_ACCOUNTS]), events, qa_events)
    final_plan = np.where(np.isfinite(upgrade_ts), users.upgrade_to, users.plan)
    _write_customers(paths["customers"], users, final_plan)
    _survey(rng, users, cells).to_csv(paths["survey"], index=False, lineterminator="\n")
    _revenue(rng, users, upgrade_ts).to_csv(paths["revenue"], index=False, lineterminator="\n")
    _write_web_traffic(paths["web_traffic"], users, np.random.default_rng(seed + 1))  # own stream: others unchanged
    return paths


CHANNELS = (("Organic Search", 0.45), ("Direct", 0.25), ("Paid Search", 0.15), ("Referral", 0.10), ("Email", 0.05))


def _write_web_traffic(path: Path, users: Users, rng: np.random.Generator) -> None:
    """GA4's "Traffic acquisition" exploration as it downloads: '#' comment lines, the header, a totals row,
    then one row per day and channel. Sessions follow the weekday rhythm and the sign-ups they bring."""
    days = pd.date_range("2024-01-01", "2024-06-30", freq="D")
    signups = pd.Series(users.signup[users.is_new]).value_counts().reindex(days.values.astype("datetime64[D]"),
                                                                               fill_value=0).to_numpy()
    base = np.where(days.day_of_week < 5, 900.0, 380.0)
    rows = []
    for index, day in enumerate(days):
        shares = rng.multinomial(int(signups[index]), [share for _, share in CHANNELS])
        for (channel, share), key_events in zip(CHANNELS, shares, strict=True):
            sessions = int(rng.poisson(share * (base[index] + 35 * signups[index])))
            rows.append((f"{day:%Y%m%d}", channel, sessions, int(sessions * 0.78), int(key_events)))
    table = pd.DataFrame(rows, columns=["Date", "Session default channel group", "Sessions", "Total users",
                                        "Key events"])
    totals = ["", "", *(int(table[c].sum()) for c in ("Sessions", "Total users", "Key events"))]
    head = ["# ----------------------------------------", "# Traffic acquisition: Session default channel group",
            "# Planwise marketing site", "# ----------------------------------------", "#",
            "# Start date: 20240101", "# End date: 20240630"]
    body = table.to_csv(index=False, lineterminator="\n").split("\n", 1)
    text = "\n".join([*head, body[0], ",".join(map(str, totals))]) + "\n" + body[1]
    path.write_text(text, encoding="utf-8", newline="\n")


def _write_customers(path: Path, users: Users, final_plan: np.ndarray) -> None:
    """A CRM export: one sheet, real date cells, written so the same data always gives the same bytes."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Customers"
    sheet.append(["user_id", "signup_date", "plan", "country", "company_size"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    columns = zip(
        users.user_id.tolist(),
        users.signup.astype(date).tolist(),
        s.PLANS[final_plan].tolist(),
        s.COUNTRIES[users.country].tolist(),
        s.COMPANY_SIZES[users.company_size].tolist(),
        strict=True,
    )
    for row in columns:
        sheet.append(row)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        cell.number_format = "yyyy-mm-dd"
    for column, width in zip("ABCDE", (12, 13, 10, 9, 14), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    workbook.properties.creator = "Planwise CRM"
    workbook.properties.created = workbook.properties.modified = EXPORTED_AT
    buffer = io.BytesIO()
    # ExcelWriter rather than workbook.save(), which stamps the current time into the file.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    path.write_bytes(_with_fixed_zip_times(buffer.getvalue(), EXPORTED_AT))


def _with_fixed_zip_times(data: bytes, when: datetime) -> bytes:
    """Zip members carry their write time; pin it so regenerating changes nothing in git."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(member))
    return out.getvalue()


def _survey(rng: np.random.Generator, users: Users, cells: tuple[np.ndarray, np.ndarray]) -> pd.DataFrame:
    """A monthly in-app NPS survey, answered on a random active day by a share of that month's actives."""
    cell_user, cell_day = cells
    shuffled = rng.permutation(len(cell_user))
    asked = pd.DataFrame({"user": cell_user[shuffled], "day": cell_day[shuffled]})
    asked["month"] = (s.FIRST_DAY + asked["day"].to_numpy()).astype("datetime64[M]")
    asked = asked.drop_duplicates(["user", "month"]).sort_values(["day", "user"], kind="stable")
    asked = asked[rng.random(len(asked)) < s.SURVEY_RATE]
    user, day = asked["user"].to_numpy(), asked["day"].to_numpy()
    android = users.platform[user] == s.ANDROID
    after = day >= s.RELEASE_DAY + s.REMINDER_RAMP_DAYS
    segment = np.where(android, "android", np.where(after, "after", "before"))
    detractor, promoter = (np.array([s.NPS_GROUPS[k][i] for k in segment]) for i in (0, 1))
    group = choice_rows(rng, np.column_stack([detractor, 1 - promoter - detractor, promoter]))
    low, high = np.array([0, 7, 9])[group], np.array([7, 9, 11])[group]  # detractor, passive, promoter
    score = low + (rng.random(len(group)) ** np.where(group == 0, 0.6, 1.0) * (high - low)).astype(int)
    comment = survey_comments(
        rng,
        group=group,
        android=android,
        mobile=users.platform[user] != s.WEB,
        after_release=after,
        new_user=users.is_new[user] & (day - users.first_day[user] < 21),
        paying=users.plan[user] > s.FREE,
        euro=np.isin(s.COUNTRIES[users.country[user]], s.EURO_COUNTRIES),
    )
    user_id = np.where(rng.random(len(user)) < s.ANONYMOUS_ANSWERS, "", users.user_id[user])
    return pd.DataFrame(
        {"user_id": user_id, "date": (s.FIRST_DAY + day).astype(str), "nps": score, "comment": comment}
    )


def _revenue(rng: np.random.Generator, users: Users, upgrade_ts: np.ndarray) -> pd.DataFrame:
    """Monthly per-seat charges: paying customers on their billing day, upgrades from the upgrade date on."""
    currency = np.array(
        ["EUR" if c in s.EURO_COUNTRIES else "GBP" if c == "GB" else "USD" for c in s.COUNTRIES]
    )
    currency = currency[users.country]
    seats_high = np.array([5, 20, 60, 120, 200])[users.company_size]
    seats = np.minimum(2 + rng.integers(0, seats_high), np.where(users.plan == s.FREE, 12, 400))
    left = users.last_day < s.N_DAYS
    cancel = np.where(left, users.last_day + s.CANCEL_AFTER_DAYS, s.N_DAYS)
    upgraded_at = np.where(np.isfinite(upgrade_ts), upgrade_ts, s.N_DAYS * s.US_PER_DAY)
    upgrade_day = (upgraded_at // s.US_PER_DAY).astype(np.int64)

    paying = np.flatnonzero(users.plan > s.FREE)
    billing_day = np.minimum(pd.DatetimeIndex(users.signup[paying]).day.to_numpy(), 28)
    upgraded = np.flatnonzero(upgrade_day < s.N_DAYS)
    periods = [  # (who, first charge, last day of the subscription, plan)
        (
            paying,
            s.FIRST_DAY + billing_day - 1,
            np.minimum(upgrade_day[paying] - 1, cancel[paying]),
            users.plan[paying],
        ),
        (upgraded, s.FIRST_DAY + upgrade_day[upgraded], cancel[upgraded], users.upgrade_to[upgraded]),
    ]
    rows = []
    for who, start, end_day, plan in periods:
        price = np.array([s.SEAT_PRICE[c][p] for c, p in zip(currency[who], plan, strict=True)])
        start_month = start.astype("datetime64[M]")
        start_offset = (start - start_month.astype("datetime64[D]")).astype(np.int64)
        for k in range(7):  # later months bill on day 28 at the latest
            offset = start_offset if k == 0 else np.minimum(start_offset, 27)
            when = (start_month + k).astype("datetime64[D]") + offset
            keep = (when - s.FIRST_DAY).astype(np.int64) <= np.minimum(end_day, s.N_DAYS - 1)
            rows.append(
                pd.DataFrame(
                    {
                        "user": who[keep],
                        "date": when[keep],
                        "amount": (seats[who] * price)[keep],
                        "currency": currency[who][keep],
                    }
                )
            )
    charges = pd.concat(rows).sort_values(["date", "user"], kind="stable")
    return pd.DataFrame(
        {
            "user_id": users.user_id[charges["user"].to_numpy()],
            "date": charges["date"].astype(str).to_numpy(),
            "amount": charges["amount"].map("{:.2f}".format).to_numpy(),
            "currency": charges["currency"].to_numpy(),
        }
    )
