"""Keep personal data out of logs.

Feedback text is never logged by our code; this filter is the safety net for everything else
(framework messages, exception text): it masks email addresses, UK phone numbers, NHS numbers, UK
postcodes and client IP addresses (IPv4 and IPv6) before a record reaches any handler. It masks the
message, its arguments, exception and stack text, and any other text attached to the record (the
JSON formatter writes those out as fields).
"""

import logging
import re

HEX = "[0-9A-Fa-f]"
MASKS = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # IPv4 before IPv6, so that an IPv4-mapped address (::ffff:192.0.2.1) is masked whole.
    (re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])"), "[ip]"),
    # IPv6: either compressed (has "::") or all eight groups, so that times like 14:05:09 are left alone.
    (
        re.compile(
            rf"(?<![\w:.])(?=[0-9A-Fa-f:]*::|(?:{HEX}{{1,4}}:){{7}}{HEX}{{1,4}})(?:{HEX}{{0,4}}:){{2,7}}{HEX}{{0,4}}(?![\w:])"
        ),
        "[ip]",
    ),
    # UK numbers as people write them: 07700 900123, +44 7700 900123, (020) 7946 0018, +44 (0)20 7946 0018.
    (re.compile(r"(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)(?:\d[\s)-]{0,2}){9,10}(?!\d)"), "[phone]"),
    # NHS numbers (3-3-4 digits) and any other run of ten digits.
    (re.compile(r"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)"), "[number]"),
    (re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[A-Z]{2}\b", re.IGNORECASE), "[postcode]"),
]
# Attributes some libraries attach to records that can carry a person's details.
DROPPED_ATTRIBUTES = ("request", "ip", "client_ip", "email", "user_agent")
# What every record has; anything else was attached by the caller (`extra=`) and is checked too.
STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def mask(text):
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a badly formed log call must not crash the code that made it
            message = f"{record.msg} (arguments: {record.args!r})"
        record.msg = mask(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        record.exc_info = None
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        for name in DROPPED_ATTRIBUTES:
            if hasattr(record, name):
                setattr(record, name, None)
        for name, value in list(vars(record).items()):
            if name not in STANDARD_ATTRIBUTES and isinstance(value, str):
                setattr(record, name, mask(value))
        return True
