"""Keep personal data out of logs.

Feedback text is never logged by our code; this filter is the safety net for everything else
(framework messages, exception text): it masks email addresses, UK phone numbers, NHS numbers and
client IP addresses before a record reaches any handler.
"""

import logging
import re

MASKS = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    (re.compile(r"(?<!\d)(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\d)"), "[phone]"),
    (re.compile(r"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)"), "[number]"),
    (re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])"), "[ip]"),
]
# Attributes some libraries attach to records that can carry a person's details.
DROPPED_ATTRIBUTES = ("request", "ip", "client_ip", "email", "user_agent")


def mask(text):
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    def filter(self, record):
        record.msg = mask(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        record.exc_info = None
        for name in DROPPED_ATTRIBUTES:
            if hasattr(record, name):
                setattr(record, name, None)
        return True
