"""Exports in the code pages of Japan, China, Russia, Poland, Greece and Turkey are read as written.

UTF-8, UTF-16 and Western cp1252 take the fast path (tests/io/test_io_text_files.py); the rest is recognised
by charset-normalizer. Each file here is a few lines of a realistic export, as small as those tools write.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from usagelens.io import ImportFailed, build_source, detect_options, read_preview, read_table
from usagelens.io.encoding import detect_encoding, encoding_name
from usagelens.model.entities import SourceKind

JAPANESE = (
    "ユーザーID,日時,イベント,メモ\n"
    "u001,2024-03-01 10:00,ログイン,初回\n"
    "u002,2024-03-01 11:30,購入完了,クーポン利用\n"
    "u003,2024-03-02 09:15,設定を変更,通知をオフ\n"
    "u004,2024-03-02 18:40,ログアウト,\n"
)
RUSSIAN = (
    "пользователь,дата,событие,комментарий\n"
    "u1,2024-03-01,вход в систему,первый раз\n"
    "u2,2024-03-02,покупка,скидка по купону\n"
    "u3,2024-03-03,Отмена подписки,слишком дорого\n"
    "u4,2024-03-04,Изменение тарифа,переход на годовой\n"
)
TEXTS = {
    "gb18030": "用户,时间,事件\nu1,2024-03-01,登录系统\nu2,2024-03-02,购买商品\nu3,2024-03-03,取消订阅\n",
    "cp1250": "użytkownik,miasto,komentarz\nu1,Łódź,Zażółć gęślą jaźń\nu2,Kraków,Bardzo dobra aplikacja\n",
    "cp1253": "χρήστης,πόλη,σχόλιο\nu1,Αθήνα,Πολύ καλή εφαρμογή\nu2,Θεσσαλονίκη,Αργή\n",
    "cp1254": "kullanıcı,şehir,yorum\nu1,İstanbul,Çok güzel uygulama\nu2,Ağrı,Yavaş ama iş görüyor\n",
    "koi8-r": RUSSIAN,
}


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(("text", "encoding"), [(JAPANESE, "shift_jis"), (RUSSIAN, "cp1251")])
def test_shift_jis_and_cp1251_exports_import_as_written(tmp_path: Path, text: str, encoding: str) -> None:
    path = write(tmp_path / "export.csv", text, encoding)
    options = detect_options(path)
    expected = pd.read_csv(path, encoding=encoding, dtype="str", keep_default_na=False)
    preview = read_preview(path, options)
    assert list(preview.columns) == list(expected.columns)
    table = read_table(path, options)
    assert table.iloc[:, 2].tolist() == expected.iloc[:, 2].tolist()
    assert table.iloc[2, 3] == expected.iloc[2, 3]
    columns = list(expected.columns)
    source = build_source(path, options, SourceKind.EVENTS,
                          {"user_id": columns[0], "timestamp": columns[1], "event": columns[2]})
    assert source.failed_timestamps == 0 and source.table[columns[2]].iloc[1] == expected.iloc[1, 2]


@pytest.mark.parametrize("encoding", sorted(TEXTS))
def test_other_code_pages_are_recognised(encoding: str) -> None:
    data = TEXTS[encoding].encode(encoding)
    assert data.decode(detect_encoding(data, "export.csv")) == TEXTS[encoding]


def test_western_text_keeps_the_fast_cp1252_path() -> None:
    """charset-normalizer takes short French or German text for a Nordic or Central European code page."""
    for text in ("client,ville\nc1,Orléans\nc2,Besançon déçu\n", "Kunde;Notiz\nK-001;Müller zahlt in €\n"):
        assert detect_encoding(text.encode("cp1252"), "export.csv") == "cp1252"


def test_a_typed_encoding_name_is_checked() -> None:
    assert encoding_name("cp1251 — Cyrillic (Windows)") == "cp1251"
    assert encoding_name(" Shift_JIS ") == "Shift_JIS"
    for wrong in ("klingon", "rot13", "base64"):
        with pytest.raises(ImportFailed, match=f"'{wrong}' is not a text encoding UsageLens knows"):
            encoding_name(wrong)
