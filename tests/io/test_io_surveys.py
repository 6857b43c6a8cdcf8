"""Survey exports import as feedback with the right score column, chosen by its values.

Typeform heads each column with its question; SurveyMonkey writes the question on the first line and the
answer option on the second, with 12-hour US dates. The score is the column of whole numbers 0–10 (NPS) or
1–5 (CSAT), never a free-text column whose question merely mentions the score.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from usagelens.io import build_source, guess_kind, guess_roles, guess_score_scale
from usagelens.io.callbacks import never_cancelled, no_progress
from usagelens.io.import_preview import ImportPreview, preview_import
from usagelens.model.entities import SourceKind

NPS_QUESTION = "How likely are you to recommend us to a friend?"
REASON = "What's the main reason for your score?"
REASONS = ["Great support, quick answers", "Too expensive for a small team", "Reports are slow to load",
           "Does what we need", "Onboarding was confusing"]


def typeform_csv(path: Path) -> Path:
    """Typeform's CSV: a response token, one column per question (its text as the header), then metadata."""
    lines = [f'#,{NPS_QUESTION},"{REASON}",Start Date (UTC),Submit Date (UTC),Network ID']
    for i, (score, reason) in enumerate(zip([10, 9, 3, 8, 6], REASONS, strict=True)):
        lines.append(f'tok{i:04d}abc,{score},"{reason}",2024-03-0{i + 1} 09:00:00,2024-03-0{i + 1} 09:02:31,'
                     f"net{i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def surveymonkey_csv(path: Path) -> Path:
    """SurveyMonkey's CSV: questions on line 1, answer options on line 2 (a multiple-choice question spans a
    column per option, its question written once), 12-hour US dates."""
    header = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
              "How satisfied are you with our product overall?", "What is the primary reason for your score?",
              "Which features do you use?", "", ""]
    options = ["", "", "", "", "", "Response", "Open-Ended Response", "Reports", "Dashboards", "Alerts"]
    rows = [
        ["114217711946", "431589432", "03/01/2024 02:05:13 PM", "03/01/2024 02:07:45 PM", "203.0.113.5", "5",
         "Works well, love it", "Reports", "Dashboards", ""],
        ["114217711947", "431589432", "03/02/2024 09:15:00 AM", "03/02/2024 09:16:02 AM", "203.0.113.9", "2",
         "Missing exports to Excel", "", "Dashboards", "Alerts"],
        ["114217711948", "431589432", "03/13/2024 11:59:59 PM", "03/14/2024 12:01:10 AM", "203.0.113.7", "4",
         "Good, but slow at times", "Reports", "", ""],
    ]
    lines = [",".join(f'"{cell}"' if "," in cell else cell for cell in row) for row in [header, options, *rows]]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def preview(path: Path) -> ImportPreview:
    return preview_import(path, None, progress=no_progress, cancelled=never_cancelled)


def test_typeform_scores_by_values_and_keeps_every_comment(tmp_path: Path) -> None:
    path = typeform_csv(tmp_path / "responses.csv")
    shown = preview(path)
    kind = guess_kind(list(shown.table.columns), shown.table)
    roles = guess_roles(kind, shown.table)
    assert kind is SourceKind.FEEDBACK
    assert roles["score"] == NPS_QUESTION  # not the reason column, whose header contains "score"
    assert roles["comment"] == REASON
    assert guess_score_scale(shown.table[roles["score"]]) == "nps"
    source = build_source(path, shown.options, kind, roles)
    assert source.score_scale == "nps"
    assert source.table[NPS_QUESTION].tolist() == [10, 9, 3, 8, 6]
    assert source.table[REASON].tolist() == REASONS  # every comment intact, none turned into a blank number
    assert source.table[roles["timestamp"]].iloc[0] == pd.Timestamp("2024-03-01 09:00")


def test_surveymonkey_two_header_lines_become_one(tmp_path: Path) -> None:
    path = surveymonkey_csv(tmp_path / "survey.csv")
    shown = preview(path)
    assert shown.options.header_rows == 2
    assert list(shown.table.columns)[5:] == [
        "How satisfied are you with our product overall?", "What is the primary reason for your score?",
        "Which features do you use? — Reports", "Which features do you use? — Dashboards",
        "Which features do you use? — Alerts",
    ]
    assert len(shown.table) == 3
    kind = guess_kind(list(shown.table.columns), shown.table)
    roles = guess_roles(kind, shown.table)
    assert kind is SourceKind.FEEDBACK
    assert roles == {
        "user_id": "Respondent ID", "timestamp": "Start Date",
        "score": "How satisfied are you with our product overall?",
        "comment": "What is the primary reason for your score?",
    }
    source = build_source(path, shown.options, kind, roles)
    assert source.score_scale == "csat"
    assert source.options.header_rows == 2  # a refresh reads next month's export the same way
    assert source.table[roles["score"]].tolist() == [5, 2, 4]
    assert source.table[roles["comment"]].tolist() == [
        "Works well, love it", "Missing exports to Excel", "Good, but slow at times"]
    assert source.table["Start Date"].tolist() == [
        pd.Timestamp("2024-03-01 14:05:13"), pd.Timestamp("2024-03-02 09:15"), pd.Timestamp("2024-03-13 23:59:59")]
    assert source.failed_timestamps == 0


def test_a_one_line_header_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("user_id,timestamp,event\n,2024-03-01,login\nu2,2024-03-02,export\nu3,2024-03-03,login\n")
    shown = preview(path)
    assert shown.options.header_rows == 1 and len(shown.table) == 3
