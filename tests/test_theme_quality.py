"""What analysts see of a fit: the theme count, names, evidence, stability, privacy of the
saved model, and a clear answer for input that cannot be themed. Real embedding model, small
synthetic corpora (the four-subject stories of test_themes.py)."""

from __future__ import annotations

import stat

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score
from test_themes import make_stories

from nlp import embed, themes
from nlp.themes import evidence as theme_evidence
from nlp.themes import names as theme_names
from nlp.themes import text as theme_text

FRENCH = [
    "Le personnel de l'hôpital était très gentil avec ma mère pendant son séjour.",
    "Nous avons attendu quatre heures aux urgences avant de voir un médecin.",
    "La nourriture était froide et le service était lent tous les jours.",
    "Le parking de l'hôpital coûte trop cher pour les familles des patients.",
    "Les infirmières ont pris le temps de m'expliquer chaque étape du traitement.",
    "Mon rendez-vous chez le médecin a été annulé deux fois sans explication.",
    "La sage-femme était calme et rassurante pendant tout l'accouchement.",
    "Il est impossible d'obtenir un rendez-vous avec mon généraliste cette semaine.",
    "La pharmacie n'avait pas mes médicaments et personne ne m'a rappelé.",
    "Les chambres étaient propres mais le bruit la nuit empêchait de dormir.",
    "Le chirurgien a bien expliqué les risques de l'opération à mon père.",
    "Nous remercions toute l'équipe du service de pédiatrie pour leur soutien.",
    "La réception au téléphone était désagréable et personne ne répondait.",
    "Les visites étaient limitées et ma grand-mère se sentait très seule.",
    "Le transport vers l'hôpital n'est jamais arrivé et j'ai manqué mon examen.",
    "Les soins à domicile ont permis à mon mari de rester à la maison.",
    "Je voudrais féliciter le kinésithérapeute pour sa patience et ses conseils.",
    "Les résultats de mes analyses ont mis trois semaines à arriver.",
]


@pytest.fixture(scope="module")
def corpus():
    stories = make_stories()
    texts = [text for _subject, text in stories]
    return [subject for subject, _ in stories], texts, embed.encode(texts)


@pytest.fixture(scope="module")
def fit(corpus):
    _subjects, texts, vectors = corpus
    months = [f"2026-{1 + i % 3:02d}-10" for i in range(len(texts))]
    quotable = [i % 2 == 0 for i in range(len(texts))]
    return themes.fit_themes(texts, vectors, dates=months, quotable=quotable)


def _fit(texts: list[str]) -> themes.ThemeFit:
    vectors = embed.encode(texts) if texts else np.zeros((0, embed.DIM), dtype=np.float32)
    return themes.fit_themes(texts, vectors)


@pytest.mark.parametrize("n", [1, 5])
def test_a_handful_of_stories_gets_a_clear_message(corpus, n):
    result = _fit(corpus[1][:n])
    assert result.status == "too_few" and result.model is None
    assert f"found {n} stor" in result.message and "at least 15" in result.message


def test_fifteen_stories_make_one_named_theme(corpus):
    result = _fit(corpus[1][::3][:15])
    assert result.status == "done", result.message
    assert result.n_themes == 1 and result.n_outliers == 0
    assert result.names[0] and result.evidence[0]["size"] == 15


def test_identical_stories_get_a_clear_message():
    result = _fit(["The nurse on the ward was kind to my dad."] * 40)
    assert result.status == "too_few"
    assert "only 1 different" in result.message


def test_stories_of_placeholders_only_get_a_clear_message():
    texts = [f"[NAME {i}] [PLACE {i % 7}] [DATE] [PHONE]" for i in range(30)]
    result = _fit(texts)
    assert result.status == "no_themes" and result.topics == []
    assert "share no words" in result.message


def test_stories_in_another_language_get_a_clear_message():
    result = _fit(FRENCH)
    assert result.status == "no_themes"
    assert "do not look like English" in result.message


def test_english_stories_are_recognised_as_english(corpus):
    assert themes.english_stop_share(corpus[1]) >= themes.MIN_ENGLISH_STOP_SHARE
    assert themes.english_stop_share(["parking", "doctor", "nurse"] * 10) is None


@pytest.mark.parametrize("n", [200, 900, 1_969, 10_000, 50_000])
def test_the_theme_count_fits_the_corpus(n):
    count = themes.target_theme_count(n)
    assert count <= n / themes.MIN_STORIES_PER_THEME
    if n >= 900:
        assert 8 <= count <= 60


def test_subjects_become_themes_with_readable_names(corpus, fit):
    subjects, _texts, _vectors = corpus
    assert fit.status == "done" and fit.n_themes >= 3
    themed = [i for i, t in enumerate(fit.topics) if t != -1]
    assert len(themed) >= 0.9 * len(subjects)
    ari = adjusted_rand_score([subjects[i] for i in themed], [fit.topics[i] for i in themed])
    assert ari > 0.7
    stop = set(theme_text.stop_words())
    for theme, name in fit.names.items():
        words = name.lower().replace(":", " ").split()
        assert words and words[0] not in stop and words[-1] not in stop, name
        assert not set(words) & theme_text.PLACEHOLDER_WORDS, name
        assert "[" not in name and fit.phrases[theme]
    assert len(set(fit.names.values())) == len(fit.names)
    parking = max(set(fit.topics) - {-1}, key=lambda t: _share(fit, subjects, t, "parking"))
    assert "park" in fit.names[parking].lower()


def _share(fit, subjects, theme, subject):
    members = [s for s, t in zip(subjects, fit.topics, strict=True) if t == theme]
    return members.count(subject) / len(members)


def test_every_theme_carries_its_evidence(fit):
    for theme, item in fit.evidence.items():
        members = {i for i, t in enumerate(fit.topics) if t == theme}
        assert item["size"] == len(members)
        assert set(item["representative"]) <= members
        assert item["quotes"] and all(q["story"] in members for q in item["quotes"])
        # Only stories whose tellers agreed (even positions here) are quoted or described.
        assert all(q["story"] % 2 == 0 for q in item["quotes"])
        assert fit.descriptions[theme] == item["description"] and item["description"]
        assert 0 <= item["critical_share"] <= 1 and 0 <= item["positive_share"] <= 1
        assert set(item["monthly"]) <= {"2026-01", "2026-02", "2026-03"}
        assert sum(item["monthly"].values()) == item["size"]


def test_quotes_are_sentences_of_the_story_and_never_mostly_placeholders():
    assert not theme_evidence.is_quotable_sentence("My email is [EMAIL].")
    assert not theme_evidence.is_quotable_sentence("[NAME 1] told [NAME 2] at [PLACE] on [DATE].")
    assert theme_evidence.is_quotable_sentence("The car park was full so we missed the scan.")
    texts = [
        "Call me on [PHONE] or at [EMAIL] or [ADDRESS]. The car park was full every visit.",
        "Parking cost twelve pounds. The car park machines were broken again.",
    ]
    vectors = embed.encode(texts)
    evidence = theme_evidence.theme_evidence(texts, vectors, [0, 0], {0: ["car park"]})
    quoted = [q["text"] for q in evidence[0].quotes]
    assert quoted and all(q in " ".join(texts) for q in quoted)
    assert not any("[" in q for q in quoted)
    assert evidence[0].monthly is None and evidence[0].critical_share is None


def test_one_month_gives_no_trend(corpus):
    _subjects, texts, vectors = corpus
    topics = [0] * len(texts)
    one = theme_evidence.theme_evidence(texts, vectors, topics, dates=["2026-03-01"] * len(texts))
    assert one[0].monthly is None


def test_phrases_start_and_end_with_words_that_mean_something():
    found = theme_names.phrases_of("We waited for hours in A&E, and the car park was full.")
    assert {"waited for hours", "a&e", "car park"} <= set(found)
    stop = set(theme_text.stop_words())
    assert all(p.split()[0] not in stop and p.split()[-1] not in stop for p in found)


def test_two_themes_never_share_a_name():
    names = theme_names.theme_names({0: ["car park", "fees"], 1: ["car park", "disabled bays"]})
    assert names == {0: "Car park", 1: "Disabled bays"}
    assert theme_names.theme_names({0: [], 1: []}, brief={0, 1}) == {
        0: "Brief replies",
        1: "Brief replies 2",
    }


def test_near_duplicate_themes_are_merged_and_distinct_ones_kept():
    rng = np.random.default_rng(3)
    centres = np.eye(16, dtype=np.float32)
    sources = [0, 0, *range(1, 9)]  # themes 0 and 1 are drawn around the same centre
    vectors = np.vstack([centres[i] + 0.05 * rng.normal(size=(30, 16)) for i in sources])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    labels = np.repeat(np.arange(10), 30)
    merged, groups = themes.merge_near_duplicates(labels, vectors.astype(np.float32))
    assert groups == [[0, 1]]
    assert len(set(merged[:60].tolist())) == 1 and len(set(merged.tolist())) == 9


def test_a_story_whose_neighbours_are_elsewhere_fits_no_theme():
    labels = np.array([0, 0, 0, 1, 1, 1, 0])
    neighbours = np.array([[0, 1, 2], [1, 0, 2], [2, 0, 1], [3, 4, 5], [4, 3, 5], [5, 3, 4],
                           [6, 3, 4]])  # fmt: skip
    assert themes.fits_no_theme(labels, neighbours).tolist() == [False] * 6 + [True]


def test_dropping_a_few_stories_and_shuffling_keeps_the_themes(corpus, fit):
    _subjects, texts, vectors = corpus
    rng = np.random.default_rng(11)
    keep = np.sort(rng.choice(len(texts), size=len(texts) - len(texts) // 20, replace=False))
    order = rng.permutation(keep)
    again = themes.fit_themes([texts[i] for i in order], vectors[order])
    position = {story: row for row, story in enumerate(order)}
    ari = adjusted_rand_score(
        [fit.topics[i] for i in keep], [again.topics[position[i]] for i in keep]
    )
    assert ari >= 0.7


def test_the_saved_model_holds_no_word_only_one_story_used(corpus, tmp_path):
    _subjects, texts, vectors = corpus
    lone = "Parking at the clinic was full, like a zorblatting queue at the pay machines."
    result = themes.fit_themes(texts + [lone], np.vstack([vectors, embed.encode([lone])]))
    assert "zorblatting" not in str(result.keywords) + str(result.names) + str(result.phrases)
    themes.save_model(result.model, tmp_path / "model")
    for path in (tmp_path / "model").iterdir():
        assert b"zorblatting" not in path.read_bytes(), path.name
    loaded = themes.load_model(tmp_path / "model")
    placed, _ = themes.assign(loaded, [lone], embed.encode([lone]))
    mars = "Mars is cold and dusty."
    elsewhere, _ = themes.assign(loaded, [mars], embed.encode([mars]))
    assert placed[0] != -1 and elsewhere == [-1]


def test_the_saved_model_holds_no_word_even_one_a_few_stories_shared(fit, tmp_path):
    """A few stories may share a word that becomes a keyword (here the four that say
    "hypnobirthing"); once all of them are withdrawn no saved file may still hold it, so the
    model folder holds no word at all. It is private too: 0700, its files 0600."""
    assert "hypnobirthing" in str(fit.keywords)
    themes.save_model(fit.model, tmp_path / "model")
    saved = list((tmp_path / "model").iterdir())
    assert [path.name for path in saved if b"hypnobirthing" in path.read_bytes()] == []
    assert [path.name for path in saved if b"midwi" in path.read_bytes()] == []
    assert stat.S_IMODE((tmp_path / "model").stat().st_mode) == 0o700
    assert {stat.S_IMODE(path.stat().st_mode) for path in saved} == {0o600}
    loaded = themes.load_model(tmp_path / "model")
    story = "The midwife on the maternity ward was kind during labour."
    placed, _ = themes.assign(loaded, [story], embed.encode([story]))
    assert placed[0] == fit.topics[-1]  # the last story of the corpus is about maternity


def test_names_can_be_refreshed_from_a_themes_current_members(corpus):
    subjects, texts, _vectors = corpus
    groups = {
        "a": [t for s, t in zip(subjects, texts, strict=True) if s == "parking"],
        "b": [t for s, t in zip(subjects, texts, strict=True) if s == "pharmacy"],
        "c": [],
    }
    named = theme_names.names_for_groups(groups)
    assert "park" in named["a"][0].lower() and named["a"][1]
    assert named["b"][0] and named["b"][0] != named["a"][0]
    assert named["c"] == ("", [])


def test_placeholders_never_name_a_theme():
    from nlp.themes.store import assignment

    texts = [
        "The staff at [CARE SETTING 1] never answered the phone, the waiting list was long.",
        "We rang [CARE SETTING 1] for weeks and the waiting list never moved.",
        "[NAME 2] at [CARE SETTING 1] said the waiting list was months long.",
        "Nobody at [CARE SETTING 1] in [PLACE 1] could explain the waiting list.",
        "My mum [NAME 1] was told at [CARE SETTING 1] to join the waiting list again.",
    ]
    placeholder_words = {"care", "setting", "name", "place", "postcode", "1", "2"}
    for label in (
        assignment.phrase_names({0: texts}).get(0, ""),
        theme_names.theme_names(theme_names.theme_phrases(texts, [0] * len(texts)))[0],
    ):
        assert label and label != "Care setting"
        assert not set(label.lower().replace(":", " ").split()) & placeholder_words, label
    phrases = theme_names.theme_phrases(texts, [0] * len(texts))[0]
    assert "waiting list" in phrases
    assert not any(set(p.split()) & placeholder_words for p in phrases), phrases
