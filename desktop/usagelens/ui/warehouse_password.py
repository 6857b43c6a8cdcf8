"""A warehouse's password in the app: typed once, used for this session or kept in the OS keychain, never
written into a project, and hidden from every message shown.

The Connect dialog asks for it beside the address; :class:`PasswordDialog` asks again for a source already in
the project (a project reopened in a new session whose password was kept only for the last one, or after the
password changed).
"""

from __future__ import annotations

from usagelens.io.warehouse.credentials import keychain_available, remember_for_session, scrub, store
from usagelens.io.warehouse.url import WarehouseError, WarehouseURL
from usagelens.model.translatable import said
from usagelens.ui.accessibility import name_form_fields
from usagelens.ui.pages.base import banner, ok_cancel_buttons, set_banner
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QCoreApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.translations import translated

NO_KEYCHAIN_TIP = QT_TRANSLATE_NOOP("PasswordDialog", "This computer has no keychain UsageLens can use (on Linux: "
                                                      "GNOME Keyring or KWallet), so the password is kept only until "
                                                      "UsageLens closes.")


def sentence(text: str) -> str:
    """A failure as shown in the dialog: any secret hidden, a capital first letter and a full stop."""
    text = scrub(text).strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


def keep_password(url: WarehouseURL, secret: str, *, in_keychain: bool) -> None:
    """Use ``secret`` for ``url`` from now on: for this session, and in the keychain too when asked
    (:class:`WarehouseError` when the keychain does not keep it)."""
    remember_for_session(url, secret)
    if in_keychain and secret:
        store(url, secret)


def remember_box() -> QCheckBox:
    """The "Remember in the keychain" box, disabled with the reason on a computer without a keychain."""
    box = QCheckBox(QCoreApplication.translate("PasswordDialog", "Remember in the keychain"))
    keychain = keychain_available()
    box.setEnabled(keychain)
    box.setToolTip(QCoreApplication.translate("PasswordDialog", "Keep the password in this computer's keychain for "
                                                                "next time") if keychain
                   else QCoreApplication.translate("PasswordDialog", NO_KEYCHAIN_TIP))
    return box


class PasswordDialog(QDialog):
    """The password of a warehouse a project's source reads (step 2): for a project opened in a new session
    whose password was kept only for the last one, or after it changed."""

    def __init__(self, url: WarehouseURL, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.setWindowTitle(self.tr("Warehouse password"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The password of user {user} for {where}. It is never written into the project.")
                       .format(user=url.user, where=translated(url.where)) if url.user else
                       self.tr("The password of your login for {where}. It is never written into the project.")
                       .format(where=translated(url.where)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = remember_box()
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.remember_box)
        name_form_fields(form)
        layout.addLayout(form)
        self.error = banner(kind="error")
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self))

    def accept(self) -> None:
        """Keep the password as asked; a keychain that refuses it is said here and the dialog stays."""
        try:
            keep_password(self.url, self.password_edit.text(), in_keychain=self.remember_box.isChecked())
        except WarehouseError as error:
            set_banner(self.error, sentence(translated(said(error))), kind="error")
            return
        super().accept()
