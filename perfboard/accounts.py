"""Who may change the data (docs/architecture.md, "Access"): accounts with a role, kept in a file outside the
data, passwords as salted argon2 hashes; failed logins slowed, then locked for a while; every change to
accounts and data written to a change log with the name of who made it.

The accounts file is replaced whole under a lock (write a new file, then rename), so two processes never
lose each other's changes and a crash never leaves half a file.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from perfboard import texts

DEFAULT_ACCOUNTS_PATH = Path(__file__).resolve().parent.parent / "build" / "accounts.json"
ROLES = ("editor", "viewer")
EDITOR, VIEWER = ROLES
NAME_PATTERN = re.compile(r"[A-Za-z0-9_\u4e00-\u9fff]{1,32}")
MIN_PASSWORD_CHARS = 8
FAILURES_BEFORE_LOCK = 5
LOCK_SECONDS = 15 * 60
SLOWDOWN_SECONDS = 0.5  # per failure in a row, up to MAX_SLOWDOWN_SECONDS: guessing gets slow before it locks
MAX_SLOWDOWN_SECONDS = 3.0
SESSION_TIMEOUT_SECONDS = 30 * 60  # an idle session logs out

HASHER = PasswordHasher()


class AccountError(Exception):
    """A request about accounts that cannot be done, said in Chinese."""


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    password_hash: str
    failures: int = 0
    locked_until: float = 0.0


@dataclass(frozen=True)
class LoginResult:
    account: Account | None
    message: str  # empty when the login succeeded


def change_log_path(accounts_path: Path) -> Path:
    return accounts_path.with_name("changes.log")


def record(accounts_path: Path, who: str, action: str, detail: str = "") -> None:
    """One line of the change log: when, who, what (JSON lines, appended)."""
    line = json.dumps({"time": datetime.now().astimezone().isoformat(timespec="seconds"), "user": who,
                       "action": action, "detail": detail}, ensure_ascii=False)
    path = change_log_path(accounts_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")


@contextmanager
def locked(path: Path) -> Iterator[dict[str, Account]]:
    """The accounts, read under the file's lock; changes made to the dict are written back on exit."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            accounts = read_accounts(path)
            before = dict(accounts)
            yield accounts
            if accounts != before:
                write_accounts(path, accounts)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def read_accounts(path: Path) -> dict[str, Account]:
    if not path.exists():
        return {}
    return {row["name"]: Account(**row) for row in json.loads(path.read_text(encoding="utf-8"))}


def write_accounts(path: Path, accounts: dict[str, Account]) -> None:
    staging = path.with_name(f".{path.name}.{os.getpid()}.new")
    descriptor = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # hashes: owner only
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump([asdict(a) for a in accounts.values()], handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(staging, path)


def checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(texts.USER_PASSWORD_SHORT.format(chars=MIN_PASSWORD_CHARS))
    return password


def add_user(path: Path, name: str, role: str, password: str, by: str) -> None:
    if not NAME_PATTERN.fullmatch(name):
        raise AccountError(texts.USER_BAD_NAME.format(name=name))
    if role not in ROLES:
        raise AccountError(texts.USER_BAD_ROLE.format(role=role, roles="、".join(ROLES)))
    with locked(path) as accounts:
        if name in accounts:
            raise AccountError(texts.USER_EXISTS.format(name=name))
        accounts[name] = Account(name, role, HASHER.hash(checked_password(password)))
    record(path, by, "user add", f"{name} {role}")


def remove_user(path: Path, name: str, by: str) -> None:
    with locked(path) as accounts:
        if accounts.pop(name, None) is None:
            raise AccountError(texts.USER_UNKNOWN.format(name=name))
    record(path, by, "user remove", name)


def set_password(path: Path, name: str, password: str, by: str) -> None:
    with locked(path) as accounts:
        if name not in accounts:
            raise AccountError(texts.USER_UNKNOWN.format(name=name))
        accounts[name] = Account(name, accounts[name].role, HASHER.hash(checked_password(password)))
    record(path, by, "user passwd", name)


def list_users(path: Path) -> list[Account]:
    return sorted(read_accounts(path).values(), key=lambda a: a.name)


def authenticate(path: Path, name: str, password: str, sleep: Callable[[float], None] = time.sleep,
                 now: Callable[[], float] = time.time) -> LoginResult:
    """The account when the password is right; otherwise a message, after a pause that grows with the
    failures in a row; locked for LOCK_SECONDS after FAILURES_BEFORE_LOCK of them."""
    with locked(path) as accounts:
        account = accounts.get(name)
        if account is not None and account.locked_until > now():
            minutes = int((account.locked_until - now()) // 60) + 1
            return LoginResult(None, texts.LOGIN_LOCKED.format(minutes=minutes))
        if account is not None and verified(account, password):
            accounts[name] = Account(name, account.role, rehashed(account, password))
            return LoginResult(accounts[name], "")
        failures = (account.failures if account else 0) + 1
        if account is not None:
            locked_until = now() + LOCK_SECONDS if failures >= FAILURES_BEFORE_LOCK else 0.0
            accounts[name] = Account(name, account.role, account.password_hash,
                                     0 if locked_until else failures, locked_until)
    sleep(min(failures * SLOWDOWN_SECONDS, MAX_SLOWDOWN_SECONDS))
    if account is not None and failures >= FAILURES_BEFORE_LOCK:
        record(path, name, "login locked", str(failures))
        return LoginResult(None, texts.LOGIN_LOCKED.format(minutes=LOCK_SECONDS // 60))
    return LoginResult(None, texts.LOGIN_FAILED)


def verified(account: Account, password: str) -> bool:
    try:
        return HASHER.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def rehashed(account: Account, password: str) -> str:
    """The stored hash, renewed when the library's parameters have grown since it was made."""
    return HASHER.hash(password) if HASHER.check_needs_rehash(account.password_hash) else account.password_hash
