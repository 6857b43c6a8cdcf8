"""parse_timestamps: full precision, UTC, mixed formats, failures counted and kept as NaT."""

from __future__ import annotations

import pandas as pd

from usagelens.io import parse_timestamps
from usagelens.io.timestamps import read_timestamps


def stamps(*values: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(values), format="ISO8601"))


def test_microseconds_kept() -> None:
    parsed, failed = parse_timestamps(pd.Series(["2025-03-01 10:00:00.123456", "2025-03-01 10:00:00.123457"]))
    assert failed == 0
    assert parsed.tolist() == stamps("2025-03-01 10:00:00.123456", "2025-03-01 10:00:00.123457").tolist()
    assert parsed.iloc[1] - parsed.iloc[0] == pd.Timedelta(microseconds=1)


def test_offsets_converted_to_utc_and_naive_kept() -> None:
    parsed, failed = parse_timestamps(
        pd.Series(["2025-03-01T10:00:00+02:00", "2025-03-01T10:00:00Z", "2025-03-01 10:00:00", "2025-03-01"])
    )
    assert failed == 0
    assert parsed.dt.tz is None
    assert (
        parsed.tolist()
        == stamps("2025-03-01 08:00:00", "2025-03-01 10:00:00", "2025-03-01 10:00:00", "2025-03-01").tolist()
    )


def test_failures_counted_empty_values_not() -> None:
    parsed, failed = parse_timestamps(pd.Series(["2025-01-01", "soon", None, "", "  ", "2025-13-45"]))
    assert failed == 2
    assert len(parsed) == 6
    assert parsed.isna().tolist() == [False, True, True, True, True, True]


def test_day_first_chosen_when_it_reads_more() -> None:
    parsed, failed = parse_timestamps(pd.Series(["31/12/2025", "01/02/2025", "15/06/2025 08:30"]))
    assert failed == 0
    assert parsed.tolist() == stamps("2025-12-31", "2025-02-01", "2025-06-15 08:30").tolist()


def test_month_first_chosen_when_it_reads_more() -> None:
    parsed, failed = parse_timestamps(pd.Series(["12/31/2025", "01/02/2025", "06/15/2025 8:30 PM"]))
    assert failed == 0
    assert parsed.tolist() == stamps("2025-12-31", "2025-01-02", "2025-06-15 20:30").tolist()


def test_dotted_european_dates() -> None:
    parsed, failed = parse_timestamps(pd.Series(["31.12.2025 10:00", "01.01.2026"]))
    assert failed == 0
    assert parsed.tolist() == stamps("2025-12-31 10:00", "2026-01-01").tolist()


def test_epoch_seconds_and_milliseconds() -> None:
    seconds, failed_s = parse_timestamps(pd.Series([1735639200, 1735639201]))
    millis, failed_ms = parse_timestamps(pd.Series(["1735639200123", "1735639200124"]))
    assert failed_s == failed_ms == 0
    assert seconds.tolist() == stamps("2024-12-31 10:00:00", "2024-12-31 10:00:01").tolist()
    assert millis.tolist() == stamps("2024-12-31 10:00:00.123", "2024-12-31 10:00:00.124").tolist()


def test_several_formats_in_one_column(data_file) -> None:  # type: ignore[no-untyped-def]
    table = pd.read_csv(data_file("mixed_dates.csv"), dtype="str", keep_default_na=False)
    parsed, failed = parse_timestamps(table["when"])
    assert failed == 1  # "not a date"; the empty value is not a failure
    assert (
        parsed.tolist()[:6]
        == stamps(
            "2025-12-31",
            "2025-12-31 10:00:00",
            "2025-12-31 08:00:00.123456",
            "2025-12-31",
            "2025-11-30 08:15",
            "2025-12-31 10:00",
        ).tolist()
    )
    assert parsed.iloc[6:].isna().all()


def test_aware_datetimes_become_naive_utc() -> None:
    aware = pd.Series(pd.to_datetime(["2025-01-01 10:00"]).tz_localize("Europe/Berlin"))
    parsed, failed = parse_timestamps(aware)
    assert failed == 0
    assert parsed.tolist() == stamps("2025-01-01 09:00").tolist()


def test_uniform_iso_column_agrees_with_pandas_iso8601() -> None:
    """The Arrow fast path (one ISO shape, no offsets) gives exactly what pandas' ISO 8601 parser gives."""
    values = ["2024-02-29 23:59:59.999999", "2024-03-01T00:00:00.5", " 2024-03-01 ", None, "2024-03-01 07:08"]
    parsed, failed = parse_timestamps(pd.Series(values, dtype="str"))
    assert failed == 0
    assert str(parsed.dtype) == "datetime64[us]"
    expected = pd.to_datetime(pd.Series(values).str.strip(), format="ISO8601")
    assert parsed.tolist()[:3] + parsed.tolist()[4:] == expected.tolist()[:3] + expected.tolist()[4:]
    assert pd.isna(parsed.iloc[3])


def test_column_of_offsets_only_converted_to_utc() -> None:
    parsed, failed = parse_timestamps(pd.Series(["2025-03-01T10:00:00.000001+02:00", "2025-03-01T23:30:00-01:00"]))
    assert failed == 0
    assert parsed.tolist() == stamps("2025-03-01 08:00:00.000001", "2025-03-02 00:30:00").tolist()


def test_nanoseconds_kept_by_the_pandas_path() -> None:
    parsed, failed = parse_timestamps(pd.Series(["2025-03-01 10:00:00.123456789", "2025-03-01 10:00:00"]))
    assert failed == 0
    assert parsed.iloc[0] == pd.Timestamp("2025-03-01 10:00:00.123456789")


def test_index_kept_and_failures_counted_on_a_filtered_column() -> None:
    series = pd.Series(["2025-01-01", "nope", "2025-01-03"], index=[10, 20, 30], dtype="str")
    parsed, failed = parse_timestamps(series)
    assert failed == 1
    assert parsed.index.tolist() == [10, 20, 30]
    assert parsed.loc[30] == pd.Timestamp("2025-01-03")


def test_ga4_compact_dates_as_text_or_numbers_say_how_they_were_read() -> None:
    hours = read_timestamps(pd.Series(["2024030114", "2024030123", "(not set)", ""], dtype="str"))
    assert hours.values.tolist()[:2] == stamps("2024-03-01 14:00", "2024-03-01 23:00").tolist()
    assert (hours.present, hours.failed) == (3, 1)
    assert hours.summary() == (
        "read as YYYYMMDDHH (GA4): 2 of 3; 1 unreadable (as Unix seconds they would fall in 2034)"
    )
    days = read_timestamps(pd.Series([20240301, 20240229]))  # a CSV's date column, already typed as numbers
    assert days.values.tolist() == stamps("2024-03-01", "2024-02-29").tolist()
    assert days.summary() == "read as YYYYMMDD (GA4): 2 of 2"
    minutes = read_timestamps(pd.Series(["202403011405"]))
    assert minutes.values.tolist() == stamps("2024-03-01 14:05").tolist()


def test_ten_digits_are_unix_seconds_when_that_is_the_plausible_reading() -> None:
    """1709301900 is no YYYYMMDDHH (month 30); 2024030114 as Unix seconds would be in 2034, so each column
    gets the reading that puts it between 1980 and next year."""
    epoch = read_timestamps(pd.Series([1709301900, 1709388300]))
    assert epoch.values.tolist() == stamps("2024-03-01 14:05", "2024-03-02 14:05").tolist()
    assert epoch.summary() == "read as Unix seconds: 2 of 2"
    compact = read_timestamps(pd.Series([2024030114, 2024123123]))
    assert compact.formats == ("YYYYMMDDHH (GA4)",) and "2034" in compact.set_aside


def test_excel_serial_days_with_a_time_of_day() -> None:
    reading = read_timestamps(pd.Series(["45352.5", "45352.604166666664", "45353"], dtype="str"))
    assert reading.values.tolist() == stamps("2024-03-01 12:00", "2024-03-01 14:30", "2024-03-02").tolist()
    assert reading.formats == ("Excel serial dates",) and reading.loose
    assert read_timestamps(pd.Series([45352.5])).values.tolist() == stamps("2024-03-01 12:00").tolist()


def test_us_formats_and_a_utc_suffix() -> None:
    values = ["Mar 1, 2024, 2:05 PM", "3/1/2024, 2:05 PM", "March 1, 2024", "2024-03-01 14:05:00 UTC",
              "03/01/2024 02:05:13 PM"]  # Looker/Stripe, JavaScript's en-US, prose, BigQuery, SurveyMonkey
    reading = read_timestamps(pd.Series(values, dtype="str"))
    assert reading.failed == 0
    assert reading.values.tolist() == stamps(
        "2024-03-01 14:05", "2024-03-01 14:05", "2024-03-01", "2024-03-01 14:05", "2024-03-01 14:05:13"
    ).tolist()
    assert reading.order == "month-first" and not reading.ambiguous
    utc_only, failed = parse_timestamps(pd.Series(["2024-03-01 14:05:00 UTC", "2024-03-01 23:59:59.5 UTC"]))
    assert failed == 0 and utc_only.tolist() == stamps("2024-03-01 14:05", "2024-03-01 23:59:59.5").tolist()


def test_pandas_mixed_parser_is_the_last_resort_and_never_reads_a_bare_number() -> None:
    reading = read_timestamps(pd.Series(["Friday, 1st March 2024", "soon", "5"], dtype="str"))
    assert reading.values.iloc[0] == pd.Timestamp("2024-03-01")
    assert reading.failed == 2 and reading.formats == ("mixed formats",)


def test_ambiguous_day_month_dates_are_flagged_and_can_be_read_the_other_way() -> None:
    values = pd.Series(["01/02/2024", "03/04/2024 10:00"], dtype="str")
    guessed = read_timestamps(values)
    assert guessed.ambiguous and guessed.order == "day-first"
    assert guessed.values.tolist() == stamps("2024-02-01", "2024-04-03 10:00").tolist()
    switched = read_timestamps(values, "month-first")
    assert not switched.ambiguous and switched.order == "month-first"
    assert switched.values.tolist() == stamps("2024-01-02", "2024-03-04 10:00").tolist()
    decided = read_timestamps(pd.Series(["01/02/2024", "25/04/2024"], dtype="str"))  # 25 can only be a day
    assert decided.order == "day-first" and not decided.ambiguous
    same = read_timestamps(pd.Series(["01/01/2024", "02/02/2024"], dtype="str"))  # both orders agree
    assert not same.ambiguous
