"""Guessing a text export's encoding from its first bytes, and decoding it forgivingly.

The fast path covers what most exports use: a byte-order mark says UTF-8/UTF-16 outright, Excel's "Unicode
text" without a mark shows as NUL bytes every other byte, UTF-8 is recognisable because it decodes strictly,
and Western European text is Windows cp1252 (with Latin-1 for the five bytes cp1252 leaves undefined).
Anything else (Shift-JIS, GB18030, Cyrillic cp1251 or KOI8-R, Polish cp1250, Greek, Turkish) is left to
``charset-normalizer``, which weighs every code page by how plausible the text it gives is; it is not
asked about Western text, which it sometimes takes for a Central European or Nordic code page. Files glued
together from two systems mix UTF-8 with cp1252; they are read as UTF-8 with the stray bytes decoded as
cp1252 (the ``usagelens-cp1252`` error handler), so "Café" is right on every line.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from usagelens.io.errors import ImportFailed
from usagelens.model.translatable import QT_TRANSLATE_NOOP

LENIENT_ERRORS = "usagelens-cp1252"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Control characters that never occur in a text table (tab, newlines and form feed are fine).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
UTF16_NUL_SHARE = 0.3
MAX_CONTROL_SHARE = 0.01
# What cp1252 decodes Western European text to: the letters of its languages, and the signs and punctuation
# of exports. Anything else (a "ð" that is Turkish "ğ", a "³" that is Polish "ł") means another code page.
WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿŒœŠšŽžŸ"
    "€£¢©®™°±µ·§«»¿¡–—‘’‚“”„•…‰×÷ªº½¼¾´¨¸\xa0"
)
# A Western text is mostly ASCII letters; Greek or Cyrillic read as cp1252 is all accented letters.
MAX_ACCENTED_SHARE = 0.3
DETECT_BYTES = 16 * 1024  # enough text for charset-normalizer to be sure, fast on any file


def _decode_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the undecodable bytes as cp1252, byte by byte (Latin-1 where cp1252 has a gap)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    text = "".join(_cp1252_char(byte) for byte in bad)
    return text, error.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


codecs.register_error(LENIENT_ERRORS, _decode_as_cp1252)


def detect_encoding(head: bytes, name: str) -> str:
    """The codec name to read a text export with, judged from its first bytes.

    :class:`ImportFailed` when the bytes are not text at all (an image or a program renamed to ``.csv``).
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return check_text(head, encoding, name)
    utf16 = _utf16_without_bom(head)
    if utf16:
        return check_text(head, utf16, name)
    if _decodes(head, "utf-8") or _mostly_utf8(head):
        return check_text(head, "utf-8", name)
    fallback = check_text(head, "cp1252" if _decodes(head, "cp1252") else "latin-1", name)
    if _looks_western(head):
        return fallback
    return _likeliest(head[:DETECT_BYTES]) or fallback


def encoding_name(text: str) -> str:
    """The codec a user typed or picked (``"cp1251 — Cyrillic"`` names ``cp1251``); :class:`ImportFailed`
    with a clear message for a name Python does not know or a codec that does not decode text."""
    name = label_codec(text)
    try:
        info = codecs.lookup(name)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "'{name}' is not a text encoding UsageLens knows; pick one from "
                                                       "the list or type a name such as shift_jis, cp1251, koi8-r, "
                                                       "gb18030 or cp1250.").format(name=name))
    return name


def decode(data: bytes, encoding: str, *, final: bool) -> str:
    """``data`` as text; with ``final=False`` a character cut at the end of a partial read is left out."""
    decoder = codecs.getincrementaldecoder(encoding)(errors=LENIENT_ERRORS)
    return decoder.decode(data, final=final)


def check_text(head: bytes, encoding: str, name: str) -> str:
    """``encoding`` when ``head`` decodes with it to text; :class:`ImportFailed` for binary content."""
    text = decode(head, encoding, final=False)
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > MAX_CONTROL_SHARE * max(len(text), 1):
        raise ImportFailed(QT_TRANSLATE_NOOP("Import", "{name} does not look like a text table (it contains binary "
                                                       "data).").format(name=name))
    return encoding


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ASCII text shows as a NUL every other byte, else None."""
    sample = head[:4096]
    half = max(len(sample) // 2, 1)
    odd_nuls = sample[1::2].count(0)
    even_nuls = sample[0::2].count(0)
    if odd_nuls > UTF16_NUL_SHARE * half and even_nuls < odd_nuls / 10:
        return "utf-16-le"
    if even_nuls > UTF16_NUL_SHARE * half and odd_nuls < even_nuls / 10:
        return "utf-16-be"
    return None


def _decodes(head: bytes, encoding: str) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _looks_western(head: bytes) -> bool:
    """Whether ``head`` decodes as cp1252 to Western European text: only its usual accented letters and
    signs, and far fewer accented letters than plain ones."""
    try:
        text = head.decode("cp1252")
    except UnicodeDecodeError:
        return False
    accented = {char for char in text if ord(char) > 0x7F}
    if not accented <= WESTERN:
        return False
    letters = sum(char.isalpha() for char in text)
    return sum(char.isalpha() and ord(char) > 0x7F for char in text) <= MAX_ACCENTED_SHARE * letters


def label_codec(label: str) -> str:
    """The codec at the start of an entry of the dialog's encoding list ("cp1251 — Cyrillic" → "cp1251")."""
    return label.split(" — ")[0].strip()


def _likeliest(head: bytes) -> str | None:
    """charset-normalizer's best guess, passing over readings that are mostly half-width katakana: it gives
    them for short Cyrillic KOI8-R files, and Japanese exports write full-width kana."""
    for match in from_bytes(head):
        foreign = [char for char in str(match) if ord(char) > 0x7F]
        if sum("\uff61" <= char <= "\uff9f" for char in foreign) <= len(foreign) / 2:
            return match.encoding
    return None


def _mostly_utf8(head: bytes) -> bool:
    """Whether valid multi-byte UTF-8 outnumbers the bytes that are not UTF-8 (a file mixing encodings)."""
    sequences = _UTF8_SEQUENCE.findall(head)
    stray = sum(byte >= 0x80 for byte in head) - sum(map(len, sequences))
    return bool(sequences) and len(sequences) >= stray
