"""What the portal stops keeping, and when: one entry point for the command and the task.

- Unfinished drafts: FEEDBACK_DRAFT_DAYS (7) after they were last saved.
- Contact details: after follow-up, and at the latest FEEDBACK_CONTACT_DETAILS_DAYS (90) after they were given.
- Approved feedback: the raw words are replaced by the approved redacted version FEEDBACK_RAW_TEXT_DAYS (90)
  after approval.
- Feedback rejected as spam: its words are deleted FEEDBACK_SPAM_DAYS (30) after the decision.
- Unfinished "I'm interested" answers: RESEARCH_DRAFT_DAYS (7) after they were last saved.
- What people told a study when they registered interest (contact details, needs, screening answers)
  and the team's notes: RESEARCH_CONTACT_DETAILS_DAYS (90) after the study's closing date.

Each part records what it removed (counts only) in the audit log.
"""

from django.utils import timezone

from portal.research import services as research

from . import moderation, services


def purge_expired(*, now=None):
    """Remove everything past its time. Returns the counts, by kind."""
    now = now or timezone.now()
    approved, spam = moderation.remove_raw_text(now=now)
    return {
        "drafts": services.delete_expired_drafts(now=now),
        "contact_details": services.delete_old_contact_details(now=now),
        "approved_raw_text": approved,
        "spam_text": spam,
        "research_drafts": research.delete_expired_drafts(now=now),
        "research_contact_details": research.delete_after_closing(now=now),
    }
