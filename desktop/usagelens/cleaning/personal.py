"""Spotting personal data (e-mails, names, phone numbers, IP addresses) so the app can offer to pseudonymise
or drop it.

Column names are the strongest hint; values back them up for columns with neutral names. Names are only
read from values in a column whose name points at a person (``name``, ``contact``, ``customer``…), when they
look like people's names and rarely repeat, because event logs use ``name`` for the event and a company
column holds capitalised words too.
"""

from __future__ import annotations

import ipaddress
import re

import pandas as pd

from usagelens.cleaning.values import TEXT, type_label

EMAIL, NAME, PHONE, IP = "email", "name", "phone", "ip"
KIND_LABELS = {EMAIL: "e-mail", NAME: "name", PHONE: "phone", IP: "IP address"}
SAMPLE_SIZE = 1000
_SHARE_NEEDED = 0.8

_EMAIL_VALUE = r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"
_PHONE_VALUE = r"^(?=(?:\D*\d){7,15}\D*$)\+?[\d\s().-]+$"
_WORD = r"[A-ZÀ-Þ][a-zß-ÿ]*(?:['’-][A-ZÀ-Þa-zß-ÿ][a-zß-ÿ]*)*\.?"  # Ann, O'Neil, Jean-Luc, J.; no backtracking
_NAME_VALUE = rf"^(?:{_WORD}(?: {_WORD}){{1,3}}|{_WORD}, {_WORD}(?: {_WORD})?)$"  # Ann Lee; Lee, Ann
_IPV4_VALUE = r"^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$"
_SEPARATED = r"^\+|[\s().-]"  # phone numbers are written with a + or separators; plain digit runs are ids
_DATE_VALUE = r"^\d{4}[-.]\d{1,2}[-.]\d{1,2}$|^\d{1,2}[-.]\d{1,2}[-.]\d{4}$"  # 2024-01-01, 01.02.2024: no phones

_EMAIL_TOKENS = frozenset({"email", "mail", "emailaddress", "mailaddress"})
_PHONE_TOKENS = frozenset({
    "phone", "mobile", "tel", "telephone", "cell", "cellphone", "phonenumber", "msisdn", "fax", "whatsapp",
})
_IP_TOKENS = frozenset({"ip", "ipaddress", "ipv4", "ipv6", "ipaddr", "remoteaddr"})
_NAME_TOKENS = frozenset({
    "firstname", "lastname", "fullname", "surname", "forename", "givenname", "familyname", "username",
})
_NAME_QUALIFIERS = frozenset({
    "first", "last", "full", "given", "family", "middle", "customer", "contact", "user", "display", "person",
})
_PERSON_HINTS = _NAME_QUALIFIERS | {"name", "author", "owner", "assignee", "client", "recipient", "sender"}


def _tokens(column: str) -> list[str]:
    """``firstName`` / ``First Name`` / ``e-mail_address`` -> ``first, name`` / ... / ``email, address``."""
    text = re.sub(r"e-mail", "email", str(column), flags=re.IGNORECASE)
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return [t for t in re.split(r"[^0-9a-zA-Z]+", text.lower()) if t]


def _kind_by_name(column: str) -> str | None:
    tokens = _tokens(column)
    words = {*tokens, "".join(tokens)}  # "WhatsApp" and "IP Address" read as one word too
    if words & _EMAIL_TOKENS:
        return EMAIL
    if words & _PHONE_TOKENS:
        return PHONE
    if words & _IP_TOKENS:
        return IP
    if words & _NAME_TOKENS:
        return NAME
    if "name" in tokens and len(tokens) > 1 and set(tokens) - {"name"} <= _NAME_QUALIFIERS:
        return NAME
    return None


def _share(sample: pd.Series, pattern: str) -> float:
    return float(sample.str.contains(pattern, regex=True).mean()) if len(sample) else 0.0


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _ip_share(sample: pd.Series) -> float:
    """IPv4 by pattern (fast); IPv6 only where a colon makes it possible, so times like 10:30 are no IPs."""
    if not len(sample):
        return 0.0
    v4 = sample.str.match(_IPV4_VALUE)
    v6 = sample.str.count(":").ge(2) & sample.map(_is_ip)
    return float((v4 | v6).mean())


def _kind_by_values(sample: pd.Series, column: str) -> str | None:
    if _share(sample, _EMAIL_VALUE) >= _SHARE_NEEDED:
        return EMAIL
    if _ip_share(sample) >= _SHARE_NEEDED:
        return IP
    if (_share(sample, _PHONE_VALUE) >= _SHARE_NEEDED and _share(sample, _SEPARATED) >= _SHARE_NEEDED
            and _share(sample, _DATE_VALUE) < 1 - _SHARE_NEEDED):
        return PHONE
    mostly_unique = sample.nunique() >= 0.5 * len(sample)
    tokens = set(_tokens(column))
    about_people = bool(tokens) and tokens <= _PERSON_HINTS  # "owner", "contact"; not "plan_name", "event_name"
    if about_people and mostly_unique and _share(sample, _NAME_VALUE) >= _SHARE_NEEDED:
        return NAME
    return None


def detect_personal_columns(frame: pd.DataFrame) -> dict[str, str]:
    """Columns that probably hold personal data, mapped to ``"email"``, ``"name"``, ``"phone"`` or ``"ip"``.

    Looks at a sample of up to 1,000 values per text column, so it stays instant on large tables.
    """
    found: dict[str, str] = {}
    for column in frame.columns:
        values = frame[column]
        if type_label(values.dtype) != TEXT:
            continue
        kind = _kind_by_name(str(column))
        if kind is None:
            present = values.dropna()
            sample = present.sample(min(SAMPLE_SIZE, len(present)), random_state=0)
            kind = _kind_by_values(sample.astype("str").str.strip(), str(column))
        if kind:
            found[str(column)] = kind
    return found


def email_columns(frame: pd.DataFrame) -> list[str]:
    """The columns that hold email addresses, in table order."""
    return [c for c, kind in detect_personal_columns(frame).items() if kind == EMAIL]


def email_domains(emails: pd.Series) -> pd.Series:
    """The lower-cased part after the last ``@``; missing where there is no ``@``."""
    text = emails.astype("str").str.strip().str.lower()
    return text.str.extract(r"@([^@\s]+)$", expand=False)
