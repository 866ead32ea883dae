"""Word lists that decide whether a word can be part of a person's name, and the name lists themselves.

Names are found mostly from context ("my son Jamal", "Dr Okafor") and from lists of first names and
surnames built from Faker's locale data by scripts/build_name_lists.py (see data/SOURCE.md). Both need
to know which words are ordinary English, and no list of common English words ships with Python or
with our dependencies, so the lists here are curated by hand and kept deliberately broad. They are
used three ways:

- FUNCTION_WORDS never start or continue a name, even after "Dr" or "my son": "Dr is", "my son was".
- COMMON_WORDS (with their inflections, plus the thousand common English words Faker ships, kept in
  data/common_words.txt) are not taken as a name on capitalisation alone, and are dropped from the name
  lists when they are built: a capital letter at "Staff were kind" says nothing.
- AMBIGUOUS_NAMES are real names that are also everyday words (May, Will, Grace, Rose). They are left
  out of the name lists and count only with strong context: a title, a relation or role, "called".

Adding a word here takes effect at once; rebuild the name lists only to drop a new word from them.
"""

import functools
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def words(text):
    """The whitespace-separated words of text, as a frozenset."""
    return frozenset(text.split())


# Pronouns, determiners, auxiliaries, prepositions, conjunctions and the like. None of these is
# ever taken as a name, whatever the context.
FUNCTION_WORDS = words("""
    a an the this that these those there here it its it's i i'm i've i'd i'll me my mine myself we us our ours
    ourselves you your yours yourself yourselves he him his himself she her hers herself they them their theirs
    themselves one ones who whom whose which what whatever whoever when where why how
    am is are was were be been being have has had having do does did doing done will would shall should can
    could may might must ought let lets let's cannot can't won't don't doesn't didn't isn't aren't wasn't
    weren't hasn't haven't hadn't wouldn't shouldn't couldn't mustn't
    and or but nor so yet if then than because as while though although unless until till since whether
    also too very just only even still already not no yes ok okay oh ah um er eh hmm
    of to in on at by for from with without within into onto upon about above below over under after before
    between among through throughout during against across along around behind beyond near off out up down
    via per towards toward inside outside past like unlike
    all any some each every both either neither few many much more most less least other another such
    same own several enough lots lot none nothing something anything everything someone anyone everyone
    somebody anybody everybody nobody
    again always never ever often sometimes usually really quite rather almost maybe perhaps please thanks
    thank sorry dear hi hello hey bye goodbye regards sincerely cheers love yours best wishes kind
    today tomorrow yesterday tonight now soon later ago
    you're we're they're he's she's that's there's what's who's where's here's you'll we'll they'll he'll
    she'll you've we've they've you'd we'd they'd he'd she'd
    mr mrs ms miss mx dr prof sir madam
""")

# Everyday English words, the vocabulary of care and of feedback, in their base forms (inflections are
# added by word_forms), plus irregular forms. Any of these, capitalised, is not a name on its own.
COMMON_WORDS = words("""
    able absolutely accept access accident account actually add admit admitted advice advise afraid after
    afternoon age agency ago agree ahead aid aim air alarm alert allow alone along already alright amazing
    ambulance angry animal annoyed answer anxiety anxious anyway apart apologise apologize apology apparently
    appear appointment appreciate approach area argue arm arrive arrived art ask asleep assessment assist
    assistant attend attention attitude available avoid awake aware away awful baby back bad badly bag balance
    bank bar base basic bath bathroom bay beautiful became become bed bedroom began begin behaviour behavior
    believe bell belong benefit best better big bill birth birthday bit bite black blame bleed blind block
    blood blue board boat body book booked bored boring born borrow boss both bother bottle bottom bought
    box boy brain break breakfast breath breathe brilliant bring broke broken brother brought brown brush
    build building bus business busy buy buzzer cake call called calm came camera can cancel cancelled car
    card care carer careful caring carry case cash cat catch caught cause ceiling centre center certain
    chair chance change changed charge chat cheap check cheer chemist chest child children choice choose
    chose church city class clean clear clearly client climb clinic clinical clock close closed clothes
    cloud club coat coffee cold colleague collect colour come comfort comfortable comment common community
    company complain complaint complete completely computer concern concerned condition confident confused
    consent consider contact continue control conversation cook cool cope copy corner correct corridor
    cost could council count country couple course court cover crazy cream cried crisis cross cry cup
    cupboard current curtain cut daily damage dance danger dangerous dark date daughter day dead deal death
    decide decision deep definitely delay delayed delighted depressed depression describe deserve desk
    despite detail diagnosis diagnosed did die died diet difference different difficult dinner direct
    dirty disabled disability discharge discharged discipline discuss disgusting distance distress doctor
    dog door double doubt dozen drank draw dream dress drink drive driver drop drove drug drugs drunk dry
    due early earth easily east easy eat eaten ate edge effort eight either elderly else email emergency
    empathy empty end ended energy enjoy enough ensure enter entire environment equal escape especially
    evening event eventually evidence exactly exam example excellent except excuse exercise expect
    expensive experience explain explained extra extremely eye face fact fair fairly fall fallen false
    family famous fantastic far fast fault fear feed feel feeling fell felt female few field fight figure
    fill final finally find fine finger finish fire first fit five fix flat floor flu fly follow food
    foot forget forgot forgotten form forward found four free fresh friend friendly front fruit frustrated
    full fully fun funny future garden gate gave general gentle get getting gift girl give given glad glass
    go going gone good got grateful great green grew ground group grow guess guidance guy hair half hall
    hand handle hang happen happened happy hard hardly hate head health healthy hear heard heart heat heavy
    held help helped helpful high hill hit hold hole holiday home honest honestly hope horrible hospital
    hot hour house however huge human hungry hurry hurt husband idea ill illness important impossible
    improve improvement include information injury inside instead interest interesting involve issue item
    job join joke journey jump keep kept key kid kill kind kindness kitchen knew knock know known lack lady
    land language large last late later laugh lay lead learn least leave led left leg less letter level
    lie life lift light like likely line list listen listened little live lived local lock lonely long look
    lose lost loud lovely low lucky lunch machine made main major make male man manage manager many mark
    match matter meal mean meant measure medical medication medicine meet meeting member memory mental
    mention mess message met middle might mild mind minute mistake moment money month mood morning mother
    move moved much mum music must name nasty natural nature near nearly necessary neck need needed nervous
    never new news next nice night nine noise normal north nose note notice number nurse nursing obviously
    occasion odd offer office officer often old once open opinion order ordinary organise outcome overall
    pack page pain paint pair panic paper parent park part partner party pass past patient patients pay
    peace people perfect person personal phone physical pick picture piece pill place plan plate play
    pleasant pleased plenty pocket point police polite poor positive possible post pound power practice
    prefer pregnant present press pressure pretty prevent price private probably problem process professional
    programme promise proper properly protect proud provide public pull purpose push put quick quickly quiet
    quite rail rain raise ran rang rather reach read ready real realise realize reason receive recently
    reception recommend record recovery red reduce refer referral refuse regular relative relax remember
    remind repeat reply report request respect respectful rest result return review rich ride right ring
    rise risk road room rough round routine rude rule run rush sad sadly safe safety said same sat save
    saw say scared school screen sea seat second secure security see seem seen self sell send sense sent
    serious service session set settle seven several shame share sheet shift shock shoe shop short should
    shout show shower shut sick side sign simple since sing single sister sit situation six size skin sleep
    slightly slow slowly small smell smile smoke smoking snow social soft sold son song soon sort sound
    south space speak special specialist speech spend spent spoke spoken spring staff stage stairs stand
    star start state station stay stayed steal step still stole stomach stone stood stop store story
    straight strange street stress strong struggle student stuck study stuff stupid suffer sugar suggest
    summer sun support supported supportive sure surgery surprise swear sweet system table tablet tablets
    take taken talk talked tall taste taught tea teach team tear telephone tell temperature ten terrible
    test text thank thing think third thought three threw through throw thrown ticket tidy time tiny tired
    toilet told took top total touch towel town track traffic train training transport travel treat
    treatment tree trip trouble true trust truth try turn twice two type ugly unable understand
    understanding unfortunately unhappy unit unless unwell upset urgent use used useful usual usually
    value visit visitor voice wait waiting wake walk wall want ward warm wash waste watch water way weak wear
    weather website week weekend weight welcome well went west wet whole wide wife wild win wind window
    winter wise wish woke woman women won wonder wonderful wood word wore work worked worker world worried
    worry worse worst worth wrong wrote year yellow young youth
    abuse admission advocate advocacy agitated anger antidepressant appointment assessment autism autistic
    bay bed beds bereavement bipolar care carers clozapine community consultant counselling counsellor crisis
    dementia detained detention diagnosis dietitian discharge doctor doctors epilepsy escort forensic gp
    healthcare helpline hospital illness inpatient keyworker leave medication mental midwife nhs nurse
    nurses occupational outpatient paramedic physio physiotherapist pharmacist pharmacy practitioner
    psychiatric psychiatrist psychologist psychology psychosis receptionist recovery referral rehab
    restraint schizophrenia section sectioned seclusion segregation service services session staff
    surgery therapist therapy treatment tribunal trust unit wellbeing ward wards
    wisdom knowledge courage honesty respect dignity compassion patience empathy
    christmas easter eid ramadan diwali hanukkah vaisakhi new year
    monday tuesday wednesday thursday friday saturday sunday weekday weekend
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    english british scottish welsh irish european american african asian caribbean indian pakistani
    bangladeshi chinese polish romanian portuguese spanish italian french german turkish arabic urdu
    punjabi bengali somali gujarati tamil hindi lithuanian latvian russian ukrainian nigerian ghanaian
    muslim christian hindu sikh jewish buddhist catholic god allah
    covid coronavirus pandemic lockdown vaccine vaccination facebook whatsapp zoom teams google youtube
    instagram twitter tiktok netflix amazon tesco asda sainsbury's morrisons aldi lidl costa greggs
    mcdonald's uber
    anytime anyone's handler cant swift min mins mile hung prior minor pace hosp kidney pin medic lass lips
    boon sharp lung jug handy judge lemon miracle fancy zimmer lad smart tone valve meadow urban fleet mast
    rode ban haven constant til pan saint cap skip cord tie ties harsh nana tia
    taxi dad dads operator hence physiotherapy podiatry podiatric crew timescale triage commentary explanation
    initial speed biscuit thankyou xray x-ray drs doc docs shelter palpitations sepsis septic myeloma narcolepsy
    aphasia alzheimer alzheimer's diabetes diabetic deafblind syndrome renal croup pregabalin dexamethasone
    entinox entonox chiropodist chiropody erm magic dispatch redacted tick insurance national infirmary
    memorial general royal district casualty dentist dentistry optician audiology cardiology oncology
    radiology haematology maternity paediatric paediatrics orthopaedic a&e ae ed icu itu hdu picu camhs
    cmht crht iapt ot slt salt mri ct ecg scan scans x-rays bloods inhaler insulin paracetamol ibuprofen
    codeine morphine sertraline fluoxetine citalopram mirtazapine venlafaxine olanzapine quetiapine
    risperidone aripiprazole haloperidol lithium lorazepam diazepam zopiclone clonazepam methadone
    antibiotics antipsychotic depot stroke cancer asthma copd heart dialysis chemo chemotherapy
    pneumonia fracture wheelchair stretcher oxygen mask masks ppe jab jabs booster
    rio paris emis systmone lorenzo cerner epic
    ace aide alfa alto anon arch aura babe bale bee bird bot bra bush cal cam chip coy dock doll dot dove ebb
    echo emit fate fawn fed fern gal gale gang gay gust ham harm hunt ibis icy ion jail jet kick kip lean link
    loot lore mace mad mist newt nova oral pal paw pink puck rice roll rue rut sol sole tab tad tan toy wage
    watt whit yoga zed bless bunk burr dink dodo doss dow duff dunn hoe hoy idle ivy lemon mick mole moody
    nob nut posh puff rags rook shag tat tick toff wade willy
    zero eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred thousand million first second third fourth fifth
""")

# Names that are also everyday words. Left out of the name lists; a name only with strong context.
AMBIGUOUS_NAMES = words("""
    may will hope grace mark bill rose faith joy sunny summer guy art dawn jack april june august autumn
    holly ivy lily violet daisy poppy ruby pearl amber jade crystal heather iris olive hazel sky storm
    river rain ocean sage star angel baby honey candy ginger penny patience prudence charity mercy
    harmony melody destiny liberty justice chance pat sue rob bob nick don ray jay dean glen dale lane
    chase page king prince duke earl major royal rich frank earnest sterling miles gene jean bud buck
    rocky rusty sandy misty brook cliff wood forest heath reed rod stone ash bell cash kit lance drew
    fox gray grey hale max norm sonny teddy trey val van wolf young bay bar rusty lucky happy precious
    sugar cookie treasure blessing gift marvel true trust honor honour constance cherry berry apple
    birch clay cole crane flint jewel lake march may-day sable sparrow robin wren lark raven jay
    doctor nurse sister matron baker cook porter ward walker
""")

# Capitalised words that look like names to the rules below but are titles of office.
TITLES = words("""
    mr mrs ms miss mx dr doctor prof professor sir dame lady lord rev revd reverend fr father sister
    brother nurse matron madam madame mister master sgt sergeant pc constable officer judge captain
    cllr councillor imam rabbi pastor canon bishop
    doktor pan pani ڈاکٹر جناب محترمہ دکتور الدكتور دكتور
""")

# Ambiguous names that as words are often the subject of a sentence ("May was hard", "Hope is all I
# have"), so a verb after them says nothing.
WORDS_FIRST = words("""
    may june april august march summer autumn hope faith joy grace art chance justice liberty patience
    charity mercy harmony destiny trust true truth honor honour will star sky rain storm river ocean stone
    wood forest baby angel precious lucky happy gift blessing treasure sugar honey king prince major royal
    guy doctor nurse sister matron ward porter cook baker walker bar bay bell cash young gray grey
""")

# Titles after which the next word is a name even in lower case ("mrs smith") or an everyday word
# ("Mrs Young", "Dr Ward").
STRONG_TITLES = words(
    "mr mrs ms miss mx dr prof professor dame revd rev mister madame cllr ڈاکٹر جناب محترمہ دکتور الدكتور دكتور"
)

# Family, friends and the people who work with someone, as in "my son Jamal" or "nurse Kelly".
RELATIONS = words("""
    son daughter husband wife partner mum mom mother mam mummy dad daddy father brother sister sibling
    nan nana nanna nanny gran granny grandma grandmother grandad granddad grandpa grandfather grandson
    granddaughter grandchild aunt auntie aunty uncle cousin niece nephew friend mate boyfriend girlfriend
    fiance fiancé fiancee fiancée spouse kid kids child baby stepson stepdaughter stepmum stepmom stepdad
    stepfather stepmother stepbrother stepsister carer neighbour neighbor colleague boss flatmate
    housemate roommate twin godson goddaughter godmother godfather ex
    nurse doctor consultant psychiatrist psychologist therapist counsellor counselor gp worker keyworker
    coordinator co-ordinator manager matron sister receptionist midwife visitor paramedic porter cleaner
    chaplain advocate imha imca registrar sho physio physiotherapist pharmacist dietitian dietician
    teacher officer solicitor lawyer cpn ot hca assistant practitioner student support named lead
    surgeon anaesthetist radiographer technician volunteer mentor tutor inspector warden guard
""")

# Words that show the next word is someone's name: "called Sam", "my name is Sam", "signed Sam".
NAME_CUES = words("""
    named called name name's surname forename nickname alias aka signed
""")

# Words after which a capitalised word is likely a name, as in "said Sam", "thanks to Sam".
SPEECH_CUES = words("""
    said says told asked replied answered shouted screamed yelled explained thank thanks dear hi hello
    hey love regards cheers phoned rang emailed messaged texted
""")

# Verbs that, following a capitalised word at the start of a sentence, show that word is a person:
# "Kelly said ...", "Jamal was ...".
SUBJECT_VERBS = words("""
    is was has had said says told asked shouted screamed yelled explained replied answered lives lived
    works worked spent began begun came went will would could can did does gave made took called rang
    phoned helped listened laughed cried knew wanted tried seemed looked kept left sat stood walked
    wrote sent brought bought saw met got found felt thought became started stopped refused promised
    agreed smiled spoke talked visited arrived
""")


def word_forms(word):
    """The word with the regular endings English adds to it: -s, -es, -ed, -ing, -er, -ly."""
    forms = {word, f"{word}s", f"{word}es", f"{word}ed", f"{word}d", f"{word}ing", f"{word}er", f"{word}ers"}
    forms.add(f"{word}ly")
    if word.endswith("e"):
        forms.update({f"{word[:-1]}ing", f"{word[:-1]}ion"})
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.update({f"{word[:-1]}ies", f"{word[:-1]}ied", f"{word[:-1]}ily"})
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms.update({f"{word}{word[-1]}ed", f"{word}{word[-1]}ing", f"{word}{word[-1]}er"})
    return forms


@functools.cache
def common_words():
    """Every word that is ordinary English: the curated lists here, Faker's, and their inflections."""
    words = set(FUNCTION_WORDS) | set(AMBIGUOUS_NAMES) | set(TITLES) | set(RELATIONS)
    for word in COMMON_WORDS | _read("common_words.txt"):
        words |= word_forms(word)
    return frozenset(words)


@functools.cache
def first_names():
    return _read("first_names.txt")


@functools.cache
def surnames():
    return _read("surnames.txt")


def _read(filename):
    path = DATA / filename
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
