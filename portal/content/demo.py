"""Demo pages for `manage.py seed_demo`: the home page and the pages every footer links to.

Written as a trust would publish them, so the demo shows real content rather than filler. Each
function is idempotent: it finds the page by slug before creating it.
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from .models import HomePage, StandardPage

HOME_INTRO = (
    "Tell us about your care, read what people told us and what changed, find self-care and recovery "
    "support, and take part in research. You do not need to give your name."
)


def paragraph(html):
    return {"type": "paragraph", "value": html}


def inset(html):
    return {"type": "inset_text", "value": {"body": html}}


ACCESSIBILITY_BODY = [
    paragraph(
        "<p>This statement applies to this portal. It is run by the organisation named at the bottom of "
        "each page. We want as many people as possible to be able to use it. For example, you should be "
        "able to:</p><ul><li>change colours, contrast levels and fonts using your browser or device "
        "settings</li><li>zoom in up to 400% without the text spilling off the screen</li><li>move around "
        "the whole portal using just a keyboard</li><li>use it with a screen reader, such as NVDA, JAWS "
        "or VoiceOver</li><li>use it without JavaScript</li><li>read many pages in easy read, and have "
        "pages read aloud by your browser</li></ul>"
    ),
    paragraph(
        "<h2>How accessible this portal is</h2><p>We test every page against the Web Content "
        "Accessibility Guidelines (WCAG) version 2.2 at AA level with automated checks in a real browser, "
        "and by hand with a keyboard and a screen reader. We are not aware of any pages that fail.</p>"
        "<p>Some documents, such as participant information sheets from research teams, may be PDF "
        "files. If you need one in another format, contact us.</p>"
    ),
    paragraph(
        "<h2>What to do if you cannot use part of this portal</h2><p>If you need information in a "
        "different format, such as easy read, large print, audio, British Sign Language or another "
        "language, contact us using the link at the bottom of the page. We will reply within 5 working "
        "days.</p>"
    ),
    paragraph(
        "<h2>Reporting accessibility problems</h2><p>We are always looking to improve. If you find a "
        "problem that is not listed here, or think we are not meeting accessibility requirements, please "
        "contact us.</p><h2>Enforcement procedure</h2><p>The Equality and Human Rights Commission (EHRC) "
        "is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
        "Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, "
        'contact the <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support '
        "Service (EASS)</a>.</p>"
    ),
    paragraph(
        "<h2>Technical information about this portal’s accessibility</h2><p>We are committed to making "
        "this portal accessible, in accordance with the Public Sector Bodies (Websites and Mobile "
        "Applications) (No. 2) Accessibility Regulations 2018. This portal is fully compliant with the "
        "Web Content Accessibility Guidelines version 2.2 AA standard.</p><p>This statement was prepared "
        "on 22 November 2026.</p>"
    ),
]

PRIVACY_BODY = [
    inset("<p>You can give feedback and register interest in research without giving your name.</p>"),
    paragraph(
        "<h2>Who we are</h2><p>The organisation named at the bottom of each page runs this portal and is "
        "the data controller for the information you give us.</p><h2>What we collect</h2><ul><li><b>"
        "Feedback</b>: what you tell us about care, and the answers you choose to give, such as which "
        "service. Equality questions are optional and every one has a “prefer not to say” answer.</li>"
        "<li><b>Contact details</b>, only if you ask us to contact you or register interest in a study. "
        "We encrypt them and keep them apart from your feedback.</li><li><b>Staff accounts</b>: name, "
        "email address and sign-in records for people who work on the portal.</li></ul>"
    ),
    paragraph(
        "<h2>How we use it</h2><p>A moderator reads every piece of feedback first and removes names and "
        "other personal details. Steering groups only see themes and counts, never small numbers that "
        "could identify someone, and quotes only if you agreed. If what you write suggests someone is at "
        "risk of harm, a safeguarding lead will read it so that they can act.</p>"
        "<h2>Our legal basis</h2><p>We use your information to improve health and care services, as part "
        "of our public task (UK GDPR Article 6(1)(e)). Health information and equality answers are "
        "special category data; we use them for health and social care purposes and for equality of "
        "opportunity (Article 9(2)(h) and (g)).</p>"
    ),
    paragraph(
        "<h2>How long we keep it</h2><p>Feedback is kept in full for 90 days after a moderator approves "
        "it; after that only the version with personal details removed is kept. Contact details are "
        "deleted after we have followed up, or 90 days after a study closes. Unfinished feedback is "
        "deleted after 7 days.</p><h2>Your rights</h2><p>You can ask to see, correct or delete "
        "information about you, and you can withdraw your feedback at any time using your reference "
        "code. You can complain to the Information Commissioner’s Office (ICO).</p>"
    ),
]

COOKIES_BODY = [
    paragraph(
        "<p>Cookies are small files saved on your phone, tablet or computer when you visit a website.</p>"
        "<p>We only use cookies that are needed to make this portal work. We do not use cookies to "
        "track you or for advertising, and we do not use analytics cookies. Because of this we do not "
        "need to ask you to accept cookies.</p>"
    ),
    {
        "type": "table",
        "value": {
            "caption": "Cookies we use",
            "caption_size": "m",
            "responsive": True,
            "head": [{"text": "Name"}, {"text": "Purpose"}, {"text": "Expires"}],
            "rows": [
                {
                    "cells": [
                        {"text": "csrftoken", "header": "Name"},
                        {"text": "Keeps your answers safe when you send a form", "header": "Purpose"},
                        {"text": "1 year", "header": "Expires"},
                    ]
                },
                {
                    "cells": [
                        {"text": "sessionid", "header": "Name"},
                        {"text": "Remembers your progress and, for staff, that you are signed in", "header": "Purpose"},
                        {"text": "When you close your browser, or after 30 minutes without use", "header": "Expires"},
                    ]
                },
                {
                    "cells": [
                        {"text": "portal_feedback_draft", "header": "Name"},
                        {
                            "text": "Finds the feedback you have not sent yet, so nothing you type is lost",
                            "header": "Purpose",
                        },
                        {"text": "7 days, or when you send or delete your answers", "header": "Expires"},
                    ]
                },
                {
                    "cells": [
                        {"text": "portal_feedback_sent", "header": "Name"},
                        {"text": "Shows your reference code after you send feedback", "header": "Purpose"},
                        {"text": "1 hour", "header": "Expires"},
                    ]
                },
                {
                    "cells": [
                        {"text": "portal_feedback_lookup", "header": "Name"},
                        {"text": "Shows what happened to your feedback after you enter your code", "header": "Purpose"},
                        {"text": "30 minutes", "header": "Expires"},
                    ]
                },
                {
                    "cells": [
                        {"text": "portal_research_draft", "header": "Name"},
                        {
                            "text": "Finds your answers to “I’m interested” in a study before you send them",
                            "header": "Purpose",
                        },
                        {"text": "7 days, or when you send or delete your answers", "header": "Expires"},
                    ]
                },
                {
                    "cells": [
                        {"text": "portal_research_sent", "header": "Name"},
                        {
                            "text": "Shows your reference code and withdrawal link after you register interest",
                            "header": "Purpose",
                        },
                        {"text": "1 hour", "header": "Expires"},
                    ]
                },
            ],
        },
    },
    paragraph("<p>Choosing a language does not set a cookie: the language is part of the web address.</p>"),
]


def ensure_home_page():
    """Make the portal's home page the root of the default site, replacing Wagtail's placeholder."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="Share your experience, shape better care", slug="home", intro=HOME_INTRO)
        placeholder = Page.objects.filter(depth=2, slug="home", content_type__model="page").first()
        if placeholder is not None:
            placeholder.slug = "wagtail-welcome-page"
            placeholder.save(update_fields=["slug"])
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.root_page = home
        site.save()
        if placeholder is not None:
            placeholder.delete()
    ensure_site_address()
    return home


def ensure_site_address():
    """Point the default site at SITE_URL, so the sitemap and emails use the address people visit."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.get(is_default_site=True)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.site_name = str(settings.WAGTAIL_SITE_NAME)
    site.save()


def ensure_standard_page(parent, *, slug, title, intro, body, show_in_menus=False):
    page = StandardPage.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = StandardPage(title=title, slug=slug, intro=intro, body=json.dumps(body), show_in_menus=show_in_menus)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def seed_pages():
    home = ensure_home_page()
    accessibility = ensure_standard_page(
        home,
        slug="accessibility-statement",
        title="Accessibility statement",
        intro="<p>How accessible this portal is, and what to do if you have a problem using it.</p>",
        body=ACCESSIBILITY_BODY,
    )
    privacy = ensure_standard_page(
        home,
        slug="privacy-notice",
        title="Privacy notice",
        intro="<p>What we do with the information you give us, and your rights.</p>",
        body=PRIVACY_BODY,
    )
    cookies = ensure_standard_page(
        home,
        slug="cookies",
        title="Cookies",
        intro="<p>We only use the cookies this portal needs to work.</p>",
        body=COOKIES_BODY,
    )
    return {"home": home, "accessibility": accessibility, "privacy": privacy, "cookies": cookies}
