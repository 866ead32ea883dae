"""The baseline a theme model must beat: the NHS pxtextmining project's simplest multi-label model.

TF-IDF on word unigrams and bigrams, then one linear SVM per theme (scikit-learn's LinearSVC, default C),
and a theme is suggested where its decision function is above 0. It is here only to be scored against
ThemeModel on the same rows (evaluate_themes --baseline, python -m bench theme_model); the portal never
suggests themes with it. It gives no confidences and no sentiment.
"""

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

from portal.feedback.suggest.model import RANDOM_STATE


class BaselineModel:
    def __init__(self):
        self._binarizer = MultiLabelBinarizer()
        self._pipeline = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2)),
            OneVsRestClassifier(LinearSVC(random_state=RANDOM_STATE)),
        )

    @property
    def labels(self):
        return list(self._binarizer.classes_)

    def fit(self, texts, label_sets, sentiments=None):
        """Train on texts and their themes; sentiments are accepted, for the same call as ThemeModel, and ignored."""
        targets = self._binarizer.fit_transform(label_sets)
        self._pipeline.fit(list(texts), targets)
        return self

    def predict_label_sets(self, texts):
        scores = self._pipeline.decision_function(list(texts))
        classes = self._binarizer.classes_
        return [{classes[j] for j in np.flatnonzero(row > 0)} for row in np.atleast_2d(scores)]
