"""Participant information sheets for the demo studies, as small PDF files made in code.

A research team would upload the sheets their ethics committee approved. The demo has none to
upload, so it writes plain text PDFs: one font, no images, readable in any PDF viewer and by
screen readers that read a PDF's text.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4, in points
MARGIN = 56


def _escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _lines(paragraphs, *, width):
    """(text, is_heading) for each printed line: a heading is a paragraph starting with "# "."""
    lines = []
    for paragraph in paragraphs:
        heading = paragraph.startswith("# ")
        text = paragraph[2:] if heading else paragraph
        lines.extend((line, heading) for line in textwrap.wrap(text, width))
        lines.append(("", False))
    return lines


def pdf_document(title, paragraphs, *, font_size=11):
    """A valid PDF 1.4 file (bytes) showing the title and paragraphs on as many A4 pages as needed."""
    leading = round(font_size * 1.45)
    characters_per_line = int((PAGE_WIDTH - 2 * MARGIN) / (font_size * 0.5))
    lines_per_page = (PAGE_HEIGHT - 2 * MARGIN) // leading
    lines = _lines([f"# {title}", *paragraphs], width=characters_per_line)
    pages = [lines[start : start + lines_per_page] for start in range(0, len(lines), lines_per_page)]

    # Objects 1-4 are fixed; each page then has a page object and a content stream.
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) /ViewerPreferences << /DisplayDocTitle true >> >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    }
    kids = []
    for number, page_lines in enumerate(pages):
        page_object, content_object = 5 + 2 * number, 6 + 2 * number
        kids.append(f"{page_object} 0 R")
        commands = [f"BT /F1 {font_size} Tf {leading} TL {MARGIN} {PAGE_HEIGHT - MARGIN} Td"]
        for text, heading in page_lines:
            font = "/F2" if heading else "/F1"
            commands.append(f"{font} {font_size} Tf ({_escape(text)}) '")
        commands.append("ET")
        stream = "\n".join(commands).encode("cp1252")
        objects[content_object] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objects[page_object] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content_object} 0 R >>"
        ).encode()
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()
    info_object = len(objects) + 1
    objects[info_object] = b"<< /Title (%s) /Producer (Portal demo) >>" % _escape(title).encode("cp1252")

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(output)
        output += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offsets[number] for number in sorted(objects))
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info_object,
        xref,
    )
    return bytes(output)


# The sheets' words, as a university team would write them for their ethics committee. The
# organisations, committees, numbers and people are made up.

SEGREGATION_SHEET_TITLE = "Life after long-term segregation: participant information sheet (version 2.1)"
SEGREGATION_SHEET = [
    "Harrowfield University, School of Health and Society. IRAS ID 337215. Version 2.1, 14 October 2026.",
    "We would like to invite you to take part in a research study. Before you decide, it is important that "
    "you understand why the research is being done and what it would involve for you. Please take time to "
    "read this sheet, and talk about it with others if you wish. Ask us if anything is not clear.",
    "# What is the study about?",
    "Some autistic people and people with a learning disability spend long periods kept apart from other "
    "patients in hospital. This is called long-term segregation. Several NHS services now use a "
    "human-rights-based clinical model that helps ward teams plan, step by step, how a person can leave "
    "segregation and stay out of it. We are part of an independent evaluation of how this model is used "
    "and what difference it makes to the people it is meant to help.",
    "# Why have I been invited?",
    "You have been invited because you have spent time in long-term segregation in a hospital in England "
    "in the last five years, or because you are a family member or carer of someone who has. We hope to "
    "talk with about 30 people and 20 family members.",
    "# Do I have to take part?",
    "No. It is up to you. If you decide to take part you can stop at any time without giving a reason. "
    "Deciding not to take part, or stopping, will not affect your care or your relative's care in any way.",
    "# What will happen if I take part?",
    "A researcher will meet you for one conversation of about an hour, at home, on the ward or by video "
    "call. You can have breaks, bring someone you trust, and stop whenever you like. We will ask what "
    "being in segregation was like, what helped and what made things harder, and what you would change. "
    "With your agreement we will record the conversation and type it up without your name.",
    "# Are there any risks?",
    "Talking about difficult times can be upsetting. You do not have to answer any question, and the "
    "researcher will check how you are feeling during and after the conversation. We will give you "
    "details of support you can contact afterwards.",
    "# Will my information be kept private?",
    "Yes. Your name and contact details are kept apart from what you tell us and are deleted when the "
    "study ends. We will not use your name in anything we write. If you tell us something that makes us "
    "worried that you or someone else is at risk of serious harm, we may need to tell someone who can "
    "help, and we would talk to you about this first.",
    "# Thank you",
    "You will receive a £25 shopping voucher for each conversation, and we will pay your travel costs.",
    "# Who has reviewed this study?",
    "The study has been reviewed and given a favourable opinion by the Pennine Valleys Research Ethics "
    "Committee (reference 24/PV/0187). It is sponsored by Harrowfield University.",
    "# Contact",
    "Dr Miriam Ashdown, Moving On study team, Harrowfield University. Email "
    "moving-on-study@harrowfield.example.ac.uk or phone 0113 496 0742.",
]

SEGREGATION_EASY_SHEET_TITLE = "Life after long-term segregation: easy-read information"
SEGREGATION_EASY_SHEET = [
    "# What is this about?",
    "Some people in hospital are kept apart from other people for a long time.",
    "This is called long-term segregation.",
    "We are researchers from Harrowfield University.",
    "We want to find out what helps people leave segregation.",
    "# What would I do?",
    "You talk with a researcher for about 1 hour.",
    "You can talk at home, on the ward or on a video call.",
    "You can bring someone you trust.",
    "You can have a break or stop at any time.",
    "# Do I have to take part?",
    "No. It is your choice.",
    "Saying no will not change your care.",
    "# Is it private?",
    "We will not use your name when we write about the study.",
    "# Thank you",
    "We will give you a £25 voucher to say thank you.",
    "# Who to contact",
    "Miriam Ashdown. Phone 0113 496 0742.",
]

MENTAL_HEALTH_ACT_SHEET_TITLE = "Fair care under the Mental Health Act: participant information sheet (version 1.3)"
MENTAL_HEALTH_ACT_SHEET = [
    "Kingsmere University, Centre for Mental Health Equity. IRAS ID 341906. Version 1.3, 2 November 2026.",
    "We would like to invite you to take part in a focus group. Please read this sheet before you decide, "
    "and ask us about anything that is not clear. You can ask for it in another language.",
    "# What is the study about?",
    "People from Black, Asian and other ethnic minority communities are more likely to be detained under "
    "the Mental Health Act, and often tell us their experience of care on the ward is worse. Inpatient "
    "services are working with patients and carers to change this, following the Patient and Carer Race "
    "Equality Framework. We want to understand what fair care on a ward looks like to the people who "
    "receive it, so that services can measure whether things are getting better.",
    "# Why have I been invited?",
    "You have been invited because you have been detained on an inpatient ward under the Mental Health "
    "Act in the last five years, or because you care for someone who has, and you describe your ethnicity "
    "as other than White British. We plan to run eight groups of six to eight people.",
    "# Do I have to take part?",
    "No. Taking part is your choice, and you can leave the group at any time. It will not affect your "
    "care, your rights under the Mental Health Act, or the care of the person you look after.",
    "# What will happen if I take part?",
    "You will join one group discussion of about 90 minutes, in a community venue or online. Groups for "
    "carers are separate from groups for people who have been detained. A researcher and a peer "
    "facilitator with lived experience will lead the group. You can bring an interpreter or we can book "
    "one for you. With everyone's agreement we will record the discussion and type it up without names.",
    "# Are there any risks?",
    "Talking about being detained can bring back difficult memories. You only share what you want to, and "
    "the peer facilitator will be available to talk afterwards.",
    "# Will my information be kept private?",
    "We ask everyone in the group to keep what is said private, but we cannot promise that they will. "
    "Your name and contact details are kept apart from the recording and deleted when the study ends.",
    "# Thank you",
    "You will receive a £30 voucher, and we will pay your travel and any care costs so you can attend.",
    "# Who has reviewed this study?",
    "The Thames Meadow Research Ethics Committee gave the study a favourable opinion (reference "
    "25/TM/0042). It is sponsored by Kingsmere University.",
    "# Contact",
    "Dr Kwame Adjei-Hollis, Fair Care study team, Kingsmere University. Email "
    "fair-care-study@kingsmere.example.ac.uk or phone 020 7946 0318.",
]

MENTAL_HEALTH_ACT_EASY_SHEET_TITLE = "Fair care under the Mental Health Act: easy-read information"
MENTAL_HEALTH_ACT_EASY_SHEET = [
    "# What is this about?",
    "Some people are kept in hospital under a law called the Mental Health Act.",
    "Black, Asian and other ethnic minority people are kept in hospital more often.",
    "We want to hear how fair their care was.",
    "# What would I do?",
    "You meet with a small group of people for about 90 minutes.",
    "Carers and family have their own groups.",
    "You can have an interpreter.",
    "# Do I have to take part?",
    "No. It is your choice. You can leave at any time.",
    "# Thank you",
    "We will give you a £30 voucher and pay for your travel.",
    "# Who to contact",
    "Kwame Adjei-Hollis. Phone 020 7946 0318.",
]
