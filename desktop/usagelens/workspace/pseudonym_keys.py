"""Where the key of a project's pseudonyms lives: the OS keychain, never the project file.

One entry per project: service ``UsageLens``, account the project's id. A copy of the ``.ulens`` file carries
the id but not the key, so whoever receives it cannot reverse the pseudonyms with a dictionary, and on this
computer every source and every refresh of the project gets the same pseudonym for the same value.

Keychains are not everywhere (a Linux session without a Secret Service, CI): every call here turns "no
keychain" into :class:`KeychainUnavailable` with a sentence for the user, and the app then offers one-way
pseudonyms only.
"""

from __future__ import annotations

import keyring
from keyring.backends import fail, null

from usagelens.cleaning.pseudonymise import RECIPE_STEP, new_key
from usagelens.cleaning.steps import listed
from usagelens.model import Project, Protection, Source
from usagelens.model.translatable import QT_TRANSLATE_NOOP

SERVICE = "UsageLens"
NO_KEYCHAIN = QT_TRANSLATE_NOOP("Keychain", "This computer has no keychain UsageLens can use (on Linux it needs a "
                                            "Secret Service such as GNOME Keyring or KWallet), so no pseudonym key can "
                                            "be kept here.")


class KeychainUnavailable(RuntimeError):
    """The OS keychain cannot be reached; the message says so in words for the user."""


def keychain_available() -> bool:
    """Whether a real keychain backend is installed (keyring's fail-safe and null backends store nothing)."""
    return not isinstance(keyring.get_keyring(), fail.Keyring | null.Keyring)


def _backend() -> keyring.backend.KeyringBackend:
    if not keychain_available():
        raise KeychainUnavailable(NO_KEYCHAIN)
    return keyring.get_keyring()


def load_key(project_id: str) -> str:
    """The key kept for ``project_id`` ("" when there is none)."""
    try:
        return _backend().get_password(SERVICE, project_id) or ""
    except keyring.errors.KeyringError as exc:  # locked, refused by the user, service gone
        raise KeychainUnavailable(QT_TRANSLATE_NOOP("Keychain", "The keychain did not answer: {problem}").format(
            problem=str(exc))) from exc


def store_key(project_id: str, key: str) -> None:
    try:
        _backend().set_password(SERVICE, project_id, key)
    except keyring.errors.KeyringError as exc:
        raise KeychainUnavailable(QT_TRANSLATE_NOOP("Keychain", "The keychain did not keep the key: {problem}").format(
            problem=str(exc))) from exc


def kept_key(project: Project) -> str:
    """The project's key, from memory or else the keychain ("" when neither has one)."""
    if not project.pseudonym_key:
        project.pseudonym_key = load_key(project.id)
    return project.pseudonym_key


def ensure_key(project: Project) -> str:
    """The project's key, made and stored in the keychain on first use; KeychainUnavailable without one."""
    key = kept_key(project)
    if not key:
        key = new_key()
        store_key(project.id, key)
        project.pseudonym_key = key
    return key


def keyed_sources(project: Project) -> list[Source]:
    """Sources with a column pseudonymised with the kept key: refreshing them needs it."""
    return [s for s in project.sources if any(p.protection is Protection.PSEUDONYMISED for p in s.protected)]


def recipe_uses_key(project: Project) -> bool:
    """Whether an old project's ``pseudonymise`` recipe step (which hashes when analysing) is switched on."""
    return any(step.enabled and step.op == RECIPE_STEP for steps in project.recipes.values() for step in steps)


def attach_key(project: Project) -> str:
    """Called when a project is opened: the key comes from the keychain, or an old file's key moves into it
    (the file saved next no longer holds it). Returns what the user should know, "" when all is well."""
    legacy = project.pseudonym_key
    if not legacy and not (keyed_sources(project) or recipe_uses_key(project)):
        return ""  # nothing needs a key: leave the keychain alone (unlocking it may ask for a password)
    try:
        if legacy:
            store_key(project.id, legacy)
        else:
            kept_key(project)
    except KeychainUnavailable as exc:
        if legacy:
            return (f"{exc} This project was saved by an older UsageLens with its pseudonym key inside the file: "
                    "the key is used until you close the project, but it is no longer saved in the file. To keep "
                    "the pseudonyms, pseudonymise the stored tables in step 3 before closing.")
        return f"{exc} {_without_key(project)}".strip()
    if not project.pseudonym_key and (keyed_sources(project) or recipe_uses_key(project)):
        return f"The key of this project's pseudonyms is not in this computer's keychain. {_without_key(project)}"
    return ""


def _without_key(project: Project) -> str:
    """What cannot be done without the key ("" when nothing needs it)."""
    problems = []
    names = [source.name for source in keyed_sources(project)]
    if names:
        problems.append(f"Refreshing {listed(names)} would give pseudonyms that do not match the stored ones, so "
                        "it is refused")
    if recipe_uses_key(project):
        problems.append("the recipe's Pseudonymise step cannot run")
    if not problems:
        return ""
    text = "; ".join(problems)
    return f"{text[:1].upper()}{text[1:]}. The stored tables are unaffected: they hold pseudonyms only."
