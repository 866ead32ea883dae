"""Encryption of small secrets kept in the database (TOTP keys, and later contact details).

Keys come from settings.FIELD_ENCRYPTION_KEYS (the FIELD_ENCRYPTION_KEYS environment variable, a
comma-separated list of Fernet keys). The first key encrypts; every key decrypts, so a key is
rotated by putting a new one first and keeping the old one until old values are re-encrypted.

Fernet is authenticated encryption (AES-CBC with an HMAC), so a changed token is refused rather than
decrypted into something else. Make a key with:
    python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'
"""

import base64
import binascii
import functools
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class DecryptionError(Exception):
    """The text was not made by encrypt_text() with any of the configured keys, or was changed."""


def encrypt_text(text: str) -> str:
    return _fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as error:
        raise DecryptionError("The encrypted value could not be decrypted with any FIELD_ENCRYPTION_KEYS.") from error


def configured_keys() -> list[str]:
    """The keys in use, newest first. Raises ImproperlyConfigured when there are none or one is malformed."""
    keys = list(settings.FIELD_ENCRYPTION_KEYS)
    if not keys:
        if not settings.DEBUG:
            raise ImproperlyConfigured(
                "FIELD_ENCRYPTION_KEYS is not set. Set it to one or more Fernet keys, comma-separated "
                "(make one with: python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())')."
            )
        # Local development only (DEBUG is on): a key derived from the development SECRET_KEY, so
        # nothing needs setting up. It protects no real data, and values encrypted with it cannot be
        # read once real keys are set.
        digest = hashlib.sha256(f"portal.core.crypto:{settings.SECRET_KEY}".encode()).digest()
        keys = [base64.urlsafe_b64encode(digest).decode("ascii")]
    for position, key in enumerate(keys, start=1):
        if not _is_fernet_key(key):
            # The key itself is never put in the message: error messages end up in logs.
            raise ImproperlyConfigured(
                f"FIELD_ENCRYPTION_KEYS: key number {position} is not a Fernet key (32 bytes, URL-safe base64)."
            )
    return keys


def _is_fernet_key(key: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(key.encode("ascii"))) == 32
    except (binascii.Error, ValueError, UnicodeError):
        return False


def _fernet() -> MultiFernet:
    return _build(tuple(configured_keys()))


@functools.lru_cache(maxsize=8)
def _build(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])
