"""A quick scan of submitted feedback for words that suggest someone may be at risk.

It runs while the person waits, when they submit, and decides one thing: whether the thank-you page shows
crisis contacts prominently. Recall matters far more than precision here: a false positive only shows
someone crisis numbers, while a miss can leave a person in danger without them. So the word lists are
deliberately broad, and we only avoid a false positive where it is cheap and obviously right (for example
"safe" on its own, or "heart attack").

The same patterns are the safeguarding scan after sending (portal.feedback.services.process): the categories
that match, and the severity() they add up to, raise a SafeguardingFlag and email the safeguarding leads.

Text is prepared before matching: NFKC and case folding, hidden characters removed, curly apostrophes
straightened, "don't"/"dont" read as "do not", and runs of whitespace (including line breaks) read as one
space. Each fragment is a regular expression over that prepared text, written in lower case with single
spaces, and must match whole words: it may not start or end inside a word, so a fragment that should
also match longer forms ends in \\w* ("abus\\w*" for abuse, abused, abusive).
"""

import re
import unicodedata

# Deliberately broad (see the module docstring): when in doubt, a phrase goes in.
_SUICIDE = (
    r"su[iy]?[cs]i?d\w*",  # suicide, suicidal and common misspellings: suicde, sucide, suiside, sucidal
    r"kill(?:s|ed|ing)? (?:my|him|her|them|your|our) ?sel(?:f|ves)",
    r"end(?:s|ed|ing)? (?:my|his|her|their|our) (?:own )?li(?:fe|ves)",
    r"end(?:s|ed|ing)? it all",
    r"(?:take|takes|took|taking|taken) (?:my|his|her|their) (?:own )?li(?:fe|ves)",
    r"(?:want|wants|wanted|wanting|wish|wished|ready|going) to die",
    r"wanna die",
    r"(?:want|wanted|wish|wished) (?:to be|i (?:was|were)) dead",
    r"better off dead",
    r"(?:rather|sooner) (?:be dead|die)",
    r"(?:not|never) (?:want(?:s|ed)? to|wanna) (?:be here|be alive|live|exist|wake up|go on|carry on)",
    r"(?:no reason|no point|nothing(?: left)?) (?:(?:to|in) )?(?:live|living|go on|going on|carry on|carrying on)"
    r"(?: for)?",
    r"(?:not|never) worth living",
    r"(?:can|could) not (?:go on|carry on|cope|take (?:it|this|any ?more))",
    r"(?:tired|sick) of (?:living|life|being alive)",
    r"(?:no ?one|nobody) would (?:miss|care if i died)",
    r"over ?dos\w*",
    r"(?:take|took|taking|swallowed) (?:all|too many|a load|loads|lots|a handful)(?: of)? (?:my |the |his |her )?"
    r"(?:pills|tablets|paracetamol)",
    r"hang(?:ed|ing)? (?:my|him|her|them) ?sel(?:f|ves)",
    r"ligatures?",
    r"jump(?:s|ed|ing)? (?:off|from) (?:a|the) (?:bridge|building|roof|cliff|balcony|car park)",
    r"(?:in front of|under) (?:a|the) (?:train|bus|lorry|car)",
    # Polish: "chcę umrzeć", "(chcę) się zabić", "zabiję się", "nie chcę żyć", "samobójstwo", with or
    # without Polish letters.
    r"chc[eę] umrze[cć]",
    r"(?:zabi[cć]|zabij[eę]) si[eę]",
    r"si[eę] zabi[cć]",
    r"nie chc[eę] [zż]y[cć]",
    r"samob[oó]j\w*",
    # Urdu: خودکشی (suicide), مرنا چاہتا/چاہتی (want to die), خود کو مار / اپنے آپ کو مار (kill myself).
    # Character classes accept the Arabic-keyboard forms of ی, ہ, ک and ے.
    r"خود ?[کك]ش[یيى]\w*",
    r"مرنا چا[ہه]ت\w*",
    r"خود [کك]و مار\w*",
    r"اپن[ےیي] آپ [کك]و مار\w*",
    # Arabic: انتحار (suicide), also written with the article: الانتحار.
    r"(?:ال)?[اإ]نتحار\w*",
)

_SELF_HARM = (
    r"self[- ]?(?:harm|injur|hurt)\w*",
    r"(?:hurt|hurts|hurting|harm|harmed|harming|cut|cuts|cutting|burn|burned|burnt|burning|injure|injured|"
    r"injuring|starve|starved|starving|punish|punished|punishing) (?:my|him|her|them) ?sel(?:f|ves)",
    r"(?:cut|cuts|cutting|slit|slitting|slashed|slashing) (?:my|his|her|their) (?:wrists?|arms?|legs?|skin)",
)

_ABUSE = (
    r"abus\w*",
    r"hit(?:s|ting)? (?:me|him|her|them|us|my)",
    r"(?:was|were|been|being|got|get|gets) hit",
    r"assault\w*",
    r"bull(?:y|ied|ies|ying)",
    r"harass\w*",
    r"humiliat\w*",
    r"(?:swore|sworn|swearing|screamed|screaming|shouted|shouting|yelled|yelling) at (?:me|him|her|them|us|my)",
    # Polish: (po)bił mnie (beat me), uderzył mnie (hit me).
    r"(?:po)?bi(?:[lł][aoy]?|li) mnie",
    r"uderzy(?:[lł][aoy]?|li) mnie",
    # Urdu: مجھے مارا (hit / beat me).
    r"مج[ھه][ےیي] مار\w*",
)

_SEXUAL_SAFETY = (
    r"rap(?:e|ed|es|ing|ist|ists)",
    r"sexual\w*",
    r"molest\w*",
    r"grop(?:e|ed|es|ing)",
    r"(?:he|she|they) touched (?:me|him|her|them)",
    r"touch(?:ed|ing)? (?:me|him|her|them) inappropriately",
    r"inappropriate(?:ly)? touch\w*",
    r"(?:exposed|flashed) (?:himself|herself|themselves)",
    r"(?:made|make|makes|forced|forcing) (?:me|him|her|them) (?:have sex|do sexual)",
    # Polish: zgwałcona/zgwałcił (raped), molestowanie (abuse, usually sexual).
    r"zgwa[lł]c\w*",
    r"molestow\w*",
)

_NEGLECT = (
    r"neglect\w*",
    r"left(?: \w+){0,6} for (?:hours|days|ages|the whole night|all night)",  # "left me …", "was left sitting …"
    r"in (?:my|his|her|their|our) own (?:urine|faeces|feces|excrement|mess|wee|poo|vomit|sick|waste)",
    r"(?:not|never) (?:been )?(?:fed|given (?:any(?:thing)? )?(?:food|water|drinks?|to eat|to drink|a drink))",
    r"no (?:food|water|drink|drinks)(?: or (?:food|water|drink|drinks))? for",
    r"starv\w*",
    r"dehydrat\w*",
    r"(?:bells?|buzzers?) (?:was |were |went |got )?(?:ignored|unanswered|not answered)",
    r"ignored (?:me|him|her|them|us|my (?:call|calls|buzzer|bell|cries|pain|requests))",
    r"(?:no ?one|nobody) (?:came|helped|checked|answered)",
    r"bed ?sores?",
    r"pressure (?:sores?|ulcers?)",
    r"soiled",
    r"not (?:been )?(?:washed|changed|cleaned|turned|toileted) for",
)

_VIOLENCE = (
    r"threat\w*",
    r"(?<!heart )(?<!heart-)(?<!panic )(?<!anxiety )(?<!asthma )attack\w*",
    r"(?<!heart )beat(?:s|en|ing)?",
    r"punch\w*",
    r"slap\w*",
    r"kick(?:s|ed|ing)? (?:me|him|her|them|us|my)",
    r"stab(?:s|bed|bing)?",
    r"strangl\w*",
    r"throttl\w*",
    r"chok(?:ed|ing) (?:me|him|her|them)",
    r"violen\w*",
    r"hurt (?:me|him|her|them|us)",
    r"push(?:ed|ing)? (?:me|him|her|them|us)",
    r"shov(?:e|ed|es|ing)",
    r"grabb(?:ed|ing) (?:me|him|her|them|us|my|his)",
    r"kill(?:s|ed|ing)? (?:me|him|her|them|us)",
    r"(?:pulled|had|held|waved|carrying) a (?:knife|gun|weapon)",
)

_RESTRAINT = (
    r"restrain\w*",
    r"seclu(?:sion|ded)",
    r"(?:held|pinned|pushed|forced|kept|holding|pinning) (?:me |him |her |them |us )?"
    r"(?:down|to the (?:floor|ground|bed)|on the (?:floor|ground)|face ?down)",
    r"locked (?:me |him |her |them |us )?(?:in|up|away)",
    r"bruis\w*",
    r"(?:injur\w*|hurt|harmed|bruised|marks?) (?:by|from) (?:a |the |one of the )?(?:staff|nurses?|carers?|"
    r"doctors?|security|guards?|police|officers?|another patient|other patients|patients?)",
    r"injur\w* (?:during|in|while|when|after) (?:a |the |being )?(?:restrain\w*|held|hold)",
    r"handcuff\w*",
    r"strapped (?:down|to|in)",
    r"tied (?:me |him |her |them )?(?:down|up|to)",
    r"against (?:my|his|her|their) will",
    r"forc(?:ed|ibly|efully) (?:injected|medicated|sedated)",
)

_FEELING_UNSAFE = (
    # "not safe", "do not feel safe", "never felt safe", "was not very safe"; "safe" alone never matches.
    r"(?:not|never|no longer) (?:\w+ ){0,2}safe",
    r"unsafe",
    r"in danger",
    r"danger to (?:my ?self|me|others|him|her)",
    r"(?:feel|feels|felt|is|was|it's) (?:very |really |so )?dangerous",
    r"(?:scared|afraid|frightened|terrified|fear(?:ful|ing|ed)?) (?:for|of losing) (?:my|his|her|their|our) "
    r"(?:own )?(?:life|lives|safety)",
    r"in fear (?:of|for) (?:my|his|her|their|our) (?:own )?(?:life|lives|safety)",
    r"(?:scared|afraid|frightened|terrified) of (?:him|her|them|the staff|staff|(?:my|the) (?:carer|carers|"
    r"partner|husband|wife|boyfriend|girlfriend|dad|father|mum|mother|son|daughter|nurse|nurses))",
    r"(?:i am|i'm|im) (?:so |really |very )?(?:scared|terrified|frightened)",
    r"(?:please|someone|somebody) help (?:me|us)",
    r"help me please",
    # Polish: "nie jestem bezpieczny/bezpieczna", "nie czuję / nie czułem / nie czułam się bezpiecznie",
    # "niebezpiecznie" (dangerous), "boję się o (swoje) życie" (I fear for my life).
    r"nie jestem bezpieczn[ya]",
    r"nie czu(?:j[eę]|[lł][ae]m) si[eę] bezpiecznie",
    r"niebezpieczn\w*",
    r"boj[eę] si[eę] o (?:swoje |moje )?[zż]ycie",
    # Urdu: میں محفوظ نہیں (I am not safe), یہاں محفوظ نہیں (not safe here), غیر محفوظ (unsafe).
    r"محفوظ ن[ہه][یيى][ںن]",
    r"غ[یيى]ر ?محفوظ",
)

RISK_PATTERNS: dict[str, tuple[str, ...]] = {
    "suicide": _SUICIDE,
    "self_harm": _SELF_HARM,
    "abuse": _ABUSE,
    "sexual_safety": _SEXUAL_SAFETY,
    "neglect": _NEGLECT,
    "violence": _VIOLENCE,
    "restraint": _RESTRAINT,
    "feeling_unsafe": _FEELING_UNSAFE,
}


# How quickly a safeguarding lead should look (see portal.feedback.choices.Severity). A risk to life or of
# sexual harm, or someone saying they are not safe, is high; the rest is medium. Two or more categories
# together are high: they usually describe one serious event.
HIGH_SEVERITY = frozenset({"suicide", "self_harm", "sexual_safety", "abuse", "feeling_unsafe"})


def severity(categories) -> str:
    """ "high" or "medium" for a non-empty set of RISK_PATTERNS categories; "" when there are none."""
    categories = set(categories)
    if not categories:
        return ""
    if categories & HIGH_SEVERITY or len(categories) > 1:
        return "high"
    return "medium"


def _compile(fragments: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(fragments) + r")(?!\w)")


_COMPILED = {category: _compile(fragments) for category, fragments in RISK_PATTERNS.items()}

# Hidden characters (Unicode format characters, category Cf, such as the soft hyphen and zero-width space)
# are dropped before matching, so "sui\u00adcide" still matches.
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2018\u2019\u201b\u02bc\u02bb\u2032\u00b4`", "'"))
_NEGATIVE_CONTRACTION = re.compile(r"\b(are|could|did|does|do|had|has|have|is|must|need|should|was|were|would)n'?t\b")
_CANNOT = re.compile(r"\b(?:can'?t|cannot)\b")
_WONT = re.compile(r"\bwon'?t\b")
_WHITESPACE = re.compile(r"\s+")


def risk_categories(*texts: str) -> set[str]:
    """The RISK_PATTERNS categories that match any of the texts (each text is scanned on its own)."""
    found = set()
    for text in texts:
        prepared = _prepare(text)
        found.update(category for category, pattern in _COMPILED.items() if pattern.search(prepared))
    return found


def suggests_risk(*texts: str) -> bool:
    """Whether the thank-you page should show crisis contacts prominently."""
    return bool(risk_categories(*texts))


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = text.translate(_APOSTROPHES)
    text = _NEGATIVE_CONTRACTION.sub(r"\1 not", text)
    text = _CANNOT.sub("can not", text)
    text = _WONT.sub("will not", text)
    return _WHITESPACE.sub(" ", text).strip()
