"""Headers on two lines, as SurveyMonkey writes them: the question on the first line, and on the second the
answer option each column holds.

An open or single-choice question's second cell is a generic "Response" or "Open-Ended Response"; a
multiple-choice question spans one column per option, with the question written once and the options on
the second line. Read with a one-line header, the second line would become a data row whose "Response"
keeps the score column from being numbers, and the options' columns would have no names. Merged, every
column is named by its question, and by its option where the option says more ("Which features do you
use? — Reports").
"""

from __future__ import annotations

import pandas as pd

from usagelens.io.columns import placeholder_name, unique_names

# The second-line cells that add nothing to the question (SurveyMonkey's, in the languages it exports in).
GENERIC_ANSWERS = frozenset({
    "response", "open-ended response", "respuesta", "respuesta abierta", "antwort", "offene antwort",
    "réponse", "réponse ouverte", "risposta", "risposta aperta", "resposta", "resposta aberta",
})  # fmt: skip
SEPARATOR = " — "


def detect_header_rows(preview: pd.DataFrame) -> int:
    """2 when the first data row of an all-text ``preview`` is a second header line, else 1.

    It is one when it holds SurveyMonkey's generic answer labels, or when it names the options of an unnamed
    column while leaving the first column empty, which every later row fills (an id or a date).
    """
    if len(preview) < 2:
        return 1
    first = _cells(preview.iloc[0])
    if any(cell.lower() in GENERIC_ANSWERS for cell in first):
        return 2
    unnamed = [position for position, name in enumerate(preview.columns) if name == placeholder_name(position + 1)]
    lead_filled_below = bool((_cells(preview.iloc[1:, 0]) != "").all())
    if not first.iloc[0] and lead_filled_below and any(first.iloc[position] for position in unnamed):
        return 2
    return 1


def merge_header_rows(frame: pd.DataFrame, header_rows: int) -> pd.DataFrame:
    """``frame`` read with a one-line header, its first row taken as the header's second line when
    ``header_rows`` is 2: the names become "question" or "question — option", and the row is dropped."""
    if header_rows < 2 or frame.empty:
        return frame
    names, question = [], ""
    for position, (column, option) in enumerate(zip(frame.columns, _cells(frame.iloc[0]), strict=True)):
        if column != placeholder_name(position + 1):
            question = str(column)  # a blank first-line cell continues the question on its left
        if not option or option.lower() in GENERIC_ANSWERS:
            names.append(question or str(column))
        else:
            names.append(f"{question}{SEPARATOR}{option}" if question else option)
    return frame.iloc[1:].set_axis(unique_names(names), axis=1).reset_index(drop=True)


def _cells(row: pd.Series) -> pd.Series:
    """A row's cells as stripped text, blank for missing."""
    return row.astype("object").where(row.notna(), "").astype("str").str.strip()
