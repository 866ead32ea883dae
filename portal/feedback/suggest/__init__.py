"""Suggest themes and a sentiment for new feedback, from moderators' own labelled examples, offline.

    model = ThemeModel().fit(texts, theme_lists, sentiments)
    [suggestion] = model.predict(["The ambulance was two hours late"])
    suggestion.themes     # [("Timeliness of care", 0.93), ...], most confident first
    suggestion.sentiment  # ("negative", 0.81)

Everything runs on the portal's own CPU with scikit-learn: no text leaves the server and nothing is
downloaded (no pretrained embeddings). Suggestions only save a moderator time; a moderator confirms
every theme before anyone else sees it.

model.py has the method; evaluation.py scores it against baseline.py (pxtextmining's TF-IDF + linear SVM)
on labelled JSON lines, for `manage.py evaluate_themes` and `python -m bench theme_model`.
"""

from portal.feedback.suggest.model import SENTIMENTS, ModelFormatError, Suggestion, ThemeModel

__all__ = ["SENTIMENTS", "ModelFormatError", "Suggestion", "ThemeModel"]
