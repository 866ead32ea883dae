import pytest
from cryptography.fernet import Fernet
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured

from portal.core import crypto

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


@pytest.fixture
def one_key(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    return settings


def test_text_comes_back_as_it_went_in_and_is_not_stored_as_written(one_key):
    secret = "JBSWY3DPEHPK3PXP – ünïcode too"

    token = crypto.encrypt_text(secret)

    assert secret not in token
    assert crypto.decrypt_text(token) == secret


def test_the_same_text_encrypts_differently_each_time(one_key):
    assert crypto.encrypt_text("same") != crypto.encrypt_text("same")


def test_after_rotation_old_values_still_decrypt_and_new_values_use_the_new_key(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    written_before_rotation = crypto.encrypt_text("before")

    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    written_after_rotation = crypto.encrypt_text("after")

    assert crypto.decrypt_text(written_before_rotation) == "before"
    assert crypto.decrypt_text(written_after_rotation) == "after"
    # The new key alone reads what was written after rotation, and only that.
    assert Fernet(NEW_KEY.encode()).decrypt(written_after_rotation.encode()) == b"after"
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(written_before_rotation)


def test_a_changed_token_is_refused(one_key):
    token = crypto.encrypt_text("secret")
    # Flip one character in the middle (the ciphertext), keeping valid base64.
    middle = len(token) // 2
    tampered = token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]

    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(tampered)


def test_text_that_is_not_a_token_is_refused(one_key):
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text("JBSWY3DPEHPK3PXP")


def test_a_token_from_an_unknown_key_is_refused(one_key):
    foreign = Fernet(Fernet.generate_key()).encrypt(b"secret").decode()

    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(foreign)


def test_missing_keys_in_production_raise_an_error_naming_the_setting(settings):
    settings.DEBUG = False
    settings.FIELD_ENCRYPTION_KEYS = []

    with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEYS"):
        crypto.encrypt_text("secret")
    with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEYS"):
        crypto.decrypt_text("anything")


def test_a_malformed_key_raises_an_error_naming_the_setting_but_not_the_key(settings):
    settings.FIELD_ENCRYPTION_KEYS = ["not-a-real-key"]

    with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEYS") as error:
        crypto.encrypt_text("secret")
    assert "not-a-real-key" not in str(error.value)


def test_development_without_keys_uses_a_key_derived_from_the_secret_key(settings):
    settings.DEBUG = True
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.SECRET_KEY = "development-key-one"
    token = crypto.encrypt_text("secret")

    assert crypto.decrypt_text(token) == "secret"
    settings.SECRET_KEY = "development-key-two"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(token)


def test_deploy_check_reports_missing_keys(settings):
    settings.DEBUG = False
    settings.FIELD_ENCRYPTION_KEYS = []

    ids = {message.id for message in run_checks(include_deployment_checks=True)}

    assert "portal.E002" in ids


def test_deploy_check_is_quiet_when_keys_are_set(one_key):
    one_key.DEBUG = False

    ids = {message.id for message in run_checks(include_deployment_checks=True)}

    assert "portal.E002" not in ids
