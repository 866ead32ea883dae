"""Cleaning of free text typed by members of the public (feedback answers, names, phone numbers).

We store plain text and escape it when we show it (Django templates autoescape), so nothing stored here
is ever trusted as HTML. Stripping HTML on the way in is still required by the brief: moderators, exports
and search should see what the person wrote, not markup pasted from an email or typed to probe the
form. We use nh3 (Python bindings to the Rust ammonia sanitiser, and the maintained successor to the
deprecated bleach) with no tags allowed, so it works as an HTML-aware tag stripper.

Decisions worth knowing:

* Text that is not markup comes back exactly as typed. nh3 parses its input as HTML and escapes its output,
  so on its own it would decode entity-looking text ("&lt;b&gt;" would become "<b>", "&copy;" would become
  "©") and then hand back "&amp;" for "&". Before parsing we swap every "&" for a placeholder, so the parser
  never sees an entity, and afterwards we unescape nh3's own escaping and put the "&" back. "Fish & chips",
  "&lt;b&gt;" and "&copy;" are therefore stored exactly as typed.
* A "<" only counts as markup when the HTML parser would start a real tag or declaration with it: "<" then
  an ASCII letter ("<b>", or "<b" at the end of the text), "</" then a letter, "<!--", "<!doctype",
  "<![CDATA[" or "<?" then a letter. Any other "<" is kept as text: "<5", "< 2", "<3", "</3", "<>",
  "wow<!!". (html5ever keeps "<" before a digit or space anyway, but would silently swallow "</3" or "<!!"
  up to the next ">" as a comment, so we protect those.) The flip side is that "x<y and y>z" loses
  "<y and y>", because HTML reads that as a tag; we accept that for text typed into a feedback form.
* The contents of <script> and <style> are dropped with the tags; text inside any other tag is kept.
* Stripping is repeated until the text stops changing, so the result never contains markup, even when
  removing one tag would join the surrounding text into a new one ("<<b>b>") or when a raw-text element
  such as <xmp> or <textarea> holds tag-like text. This also makes clean_text idempotent. Input built to
  need more than a handful of rounds loses all its remaining "<" characters instead.
* Line breaks: "\\r\\n", "\\r", and the other line-break characters (vertical tab, form feed, U+0085,
  U+2028, U+2029) become "\\n". Other control characters (Unicode category Cc, including NUL, which
  PostgreSQL rejects), lone surrogates (which cannot be stored as UTF-8) and Unicode noncharacters are
  removed.
* Invisible characters used to hide or spoof text are removed: zero-width space, word joiner, byte order
  mark, Mongolian vowel separator, invisible maths operators, deprecated format controls, Hangul filler
  characters, the bidi embedding and override controls U+202A-U+202E, and the soft hyphen (browsers hide
  it except at a line end, people never type it on purpose, and it defeats searching and the safeguarding
  scan: "sui\\u00adcide"). Characters that real text needs are kept: ZWNJ and ZWJ (Urdu and Persian
  script, emoji sequences such as 👨‍👩‍👧), LRM, RLM and ALM, the bidi isolates U+2066-U+2069, variation
  selectors, and the tag characters U+E0020-U+E007F used by flags such as England's.
* Unicode NFC normalisation, so the same words typed on different keyboards are stored the same way.
* Leading and trailing whitespace is stripped. With multiline=True, three or more line breaks in a row (two
  or more empty lines, counting lines of only spaces as empty) become two, leaving one empty line between
  paragraphs; spaces and tabs inside lines are left alone. With multiline=False every run of whitespace that
  contains a line break or tab becomes a single space.
"""

import html
import re
import unicodedata

import nh3

# Elements removed together with everything inside them. Text inside any other tag is kept.
_DROP_CONTENT_OF = frozenset({"script", "style"})

# Stand-ins used while nh3 parses the text. They are Unicode noncharacters, which are removed from the
# input first, so they cannot clash with anything the person typed.
_AMPERSAND = "\ufdd0"
_TEXT_LESS_THAN = "\ufdd1"

# A "<" that does not start a tag, an end tag, a comment, a doctype, CDATA or a processing instruction.
_NOT_MARKUP_LESS_THAN = re.compile(r"<(?![A-Za-z]|/[A-Za-z]|!--|!\[CDATA\[|!doctype|\?[A-Za-z])", re.IGNORECASE)

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")

_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u180e"  # Mongolian vowel separator
    "\u200b"  # zero-width space
    "\u202a-\u202e"  # bidi embeddings and overrides (the isolates U+2066-U+2069 are kept)
    "\u2060-\u2064"  # word joiner and invisible maths operators
    "\u206a-\u206f"  # deprecated format controls
    "\u3164\uffa0"  # Hangul fillers, used to make names that look empty
    "\ufeff"  # byte order mark / zero-width no-break space
)
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_REMOVED = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # control characters (Cc) except tab and newline
    "\ud800-\udfff"  # lone surrogates
    f"{_NONCHARACTERS}{_INVISIBLE}"
    "]+"
)

_TWO_OR_MORE_EMPTY_LINES = re.compile(r"\n(?:[^\S\n]*\n){2,}")
_WHITESPACE_WITH_BREAK_OR_TAB = re.compile(r"\s*[\n\t]\s*")

# Real input needs one or two rounds of stripping; more only happens with deliberately nested markup.
_MAX_STRIP_ROUNDS = 8


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Return value as plain text, safe to store; see the module docstring for exactly what changes."""
    text = _normalise(value, multiline=multiline)
    for _ in range(_MAX_STRIP_ROUNDS):
        stripped = _normalise(_strip_markup(text), multiline=multiline)
        if stripped == text:
            return text
        text = stripped
    # Without any "<" nothing can be read as markup, so this result is stable.
    return _normalise(text.replace("<", ""), multiline=multiline)


def _strip_markup(text: str) -> str:
    protected = _NOT_MARKUP_LESS_THAN.sub(_TEXT_LESS_THAN, text.replace("&", _AMPERSAND))
    cleaned = nh3.clean(protected, tags=set(), clean_content_tags=set(_DROP_CONTENT_OF), attributes={})
    # Every entity left in nh3's output is one nh3 wrote itself (&amp; &lt; &gt; &nbsp;), since the
    # input held no "&".
    return html.unescape(cleaned).replace(_AMPERSAND, "&").replace(_TEXT_LESS_THAN, "<")


def _normalise(text: str, *, multiline: bool) -> str:
    text = _LINE_BREAKS.sub("\n", text)
    # Removing characters comes before NFC: a removed character can sit between two that compose.
    text = _REMOVED.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if multiline:
        return _TWO_OR_MORE_EMPTY_LINES.sub("\n\n", text).strip()
    return _WHITESPACE_WITH_BREAK_OR_TAB.sub(" ", text).strip()
