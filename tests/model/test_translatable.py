"""Marked core text (model.translatable): it reads as its English wherever the core's text is used (the CLI, the
report, logs), and keeps what the GUI needs to say it in another language."""

from __future__ import annotations

import copy
import json
import pickle

from usagelens.model.translatable import QT_TRANSLATE_NOOP, Phrase, joined, plural


def test_a_marked_sentence_is_its_english_and_keeps_its_template_and_values() -> None:
    title = QT_TRANSLATE_NOOP("Analysis", "What users do after {event}").format(event="signup")
    assert title == "What users do after signup" and isinstance(title, str)
    assert (title.context, title.template, dict(title.values)) == ("Analysis", "What users do after {event}",
                                                                   {"event": "signup"})
    assert json.dumps({"title": title}) == '{"title": "What users do after signup"}'
    assert {title: 1}["What users do after signup"] == 1


def test_copies_and_pickles_stay_translatable() -> None:
    title = QT_TRANSLATE_NOOP("Analysis", "Funnel: {terms}").format(terms="within 14 days")
    for again in (copy.deepcopy(title), pickle.loads(pickle.dumps(title))):
        assert isinstance(again, Phrase) and again == title and again.template == title.template


def test_plural_fills_the_count_first_and_the_rest_later() -> None:
    one, other = (QT_TRANSLATE_NOOP("Analysis", "{count:,} unusual day (beyond ±{threshold:g})."),
                  QT_TRANSLATE_NOOP("Analysis", "{count:,} unusual days (beyond ±{threshold:g})."))
    assert plural(1, one, other).format(threshold=3.5) == "1 unusual day (beyond ±3.5)."
    assert plural(1200, one, other).format(threshold=3.5) == "1,200 unusual days (beyond ±3.5)."


def test_joined_parts_read_as_one_line_and_are_each_kept() -> None:
    line = joined([QT_TRANSLATE_NOOP("Selection", "Events"), "web.csv"], ": ")
    assert line == "Events: web.csv" and line.values == {"part0": "Events", "part1": "web.csv"}
    assert joined([], " ") == "" and joined(["a {b}", "c"]) == "a {b} · c"  # braces in a part are text
