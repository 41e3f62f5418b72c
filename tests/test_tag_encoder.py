"""The tagging encoder: the shipped adaptation of MiniLM (`nlp/data/tag_encoder.npz`) loads over
the packaged model offline, changes only what it says, scores stories with the learnt tagger,
and was made by the current training module from the data its digest names."""

from __future__ import annotations

import numpy as np
import pytest

from nlp import embed, model_blob
from nlp.priorities import load_framework
from nlp.tagging import encoder as tag_encoder
from nlp.tagging import encoder_training as training
from nlp.tagging import learner as tag_learner
from tests.test_tagging import FRAMEWORK_YAML, LONG_CARER_STORY, STORIES


def test_the_shipped_file_is_small_differences_of_what_training_changed():
    assert tag_encoder.WEIGHTS.stat().st_size < 15e6
    arrays = tag_encoder.stored()
    names = tag_encoder.changed(arrays)
    assert {tag_encoder.layer_of(n) for n in names} == set(range(6)) | {-1}
    # The wordpiece table ships as packaged: the file does not tell which wordpieces the
    # training comments hold.
    assert "embeddings.word_embeddings.weight" not in names
    assert not any(n.startswith("pooler") for n in names)  # mean pooling never uses it
    assert all(arrays[f"q8/{n}"].dtype == np.int8 for n in names if f"q8/{n}" in arrays)
    assert all(v.dtype == np.float16 for k, v in arrays.items() if k.startswith("delta/"))
    # Differences, not weights: small beside the packaged values they are added to.
    base = embed.load_model()[0].auto_model.state_dict()
    for name in (
        "encoder.layer.0.attention.self.query.weight",
        "encoder.layer.5.output.dense.bias",
    ):
        change = tag_encoder.difference(arrays, name, base[name].shape)
        assert 0 < np.linalg.norm(change) < 0.1 * float(base[name].norm())


def test_quantised_differences_keep_each_row_to_within_one_percent():
    base = np.random.default_rng(1).normal(size=(50, 384)).astype(np.float32)
    delta = np.random.default_rng(0).normal(size=(50, 384)).astype(np.float32) * 1e-2
    delta[7] = base[7] * 1e-4  # as weight decay alone moves a row: left out
    parts = tag_encoder._quantise(delta, base)
    assert 7 not in parts["rows"] and len(parts["rows"]) == 49
    arrays = {f"{k}/w": v for k, v in parts.items()}
    back = tag_encoder.difference(arrays, "w", delta.shape)
    kept = np.arange(50) != 7
    error = np.abs(back - delta).max(axis=1)[kept]
    assert np.all(error <= 0.01 * np.abs(delta).max(axis=1)[kept])
    assert not back[7].any()


def test_loading_leaves_the_packaged_model_and_its_vectors_alone():
    texts = ["The nurse was kind.", "Parking cost too much and the wait was long."]
    before = embed.encode(texts)
    adapted = tag_encoder.encode(texts)
    assert np.allclose(embed.encode(texts), before, atol=1e-5)
    assert not np.allclose(adapted, before, atol=1e-3)
    # Same model family, nudged: still close to the packaged model's vectors.
    assert np.all(np.sum(adapted * before, axis=1) > 0.5)


def test_vectors_are_unit_length_deterministic_and_windowed_for_long_stories():
    texts = ["Staff were rude on reception.", LONG_CARER_STORY * 4, ""]
    first, second = tag_encoder.encode(texts), tag_encoder.encode(texts)
    assert first.shape == (3, embed.DIM) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first[:2], axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, second)
    assert tag_encoder.encode([]).shape == (0, embed.DIM)


def test_the_learnt_tagger_scores_stories_on_the_adapted_vectors():
    framework = load_framework(FRAMEWORK_YAML)
    texts, rows = [], []
    for priority, count in {"carers": 3, "waiting": 6, "staff-kindness": 6}.items():
        for text in STORIES[priority][:count]:
            texts.append(text)
            rows.append([pid == priority for pid in framework.ids])
    labels = np.array(rows, dtype=np.int8)
    model = tag_learner.fit(framework, framework.ids, texts, tag_encoder.encode(texts), labels)
    decided, _ = model.predict([LONG_CARER_STORY], tag_encoder.encode([LONG_CARER_STORY]))
    assert decided[0, framework.ids.index("carers")]


def test_weights_made_for_another_packaged_model_are_refused(tmp_path):
    arrays = tag_encoder.stored()
    arrays["base_sha256"] = np.str_("0" * 64)
    forged = tmp_path / "tag_encoder.npz"
    forged.write_bytes(model_blob.pack(arrays))
    with pytest.raises(RuntimeError, match="another all-MiniLM-L6-v2"):
        tag_encoder.load_transformer(forged)


@pytest.mark.skipif(
    not (training.DEFAULT_DATA.exists() and training.DEFAULT_FRAMEWORK.exists()),
    reason="the FFT training data is not on this machine",
)
def test_the_shipped_weights_come_from_trusts_a_and_b_with_the_current_settings():
    texts, _, codes, framework = training.training_data(
        training.DEFAULT_DATA, training.DEFAULT_FRAMEWORK, training.DEFAULT_TRUSTS
    )
    assert "Trust C" not in training.DEFAULT_TRUSTS  # Trust C measures the weights
    digest = training.training_digest(texts, codes, framework)
    assert str(tag_encoder.stored()["training_sha256"]) == digest, (
        "run: python -m nlp.tagging.encoder_training"
    )


def test_settings_added_later_enter_the_digest_only_when_changed():
    """Weights made before a setting existed keep their digest; a change to it is recorded."""
    assert set(training.settings_record(training.Settings())) == set(training._ORIGINAL_KEYS)
    frozen = training.settings_record(training.Settings(wordpieces=False))
    assert frozen["wordpieces"] is False
    assert training.settings_record(training.SHIPPED) == frozen  # what ships: the table frozen


def test_the_contrastive_term_pulls_comments_with_the_same_code_together():
    import torch

    target = torch.tensor([0, 0, 1, 1])
    together = torch.nn.functional.normalize(
        torch.tensor([[1.0, 0.1], [1.0, 0.0], [0, 1], [0.1, 1]])
    )
    apart = together[[0, 2, 1, 3]]  # each comment's nearest neighbour has the other code
    loss = training.supervised_contrastive
    assert loss(together, target, 20.0) < 0.1 < loss(apart, target, 20.0)
    # No comment shares its code within the batch: nothing to pull, no gradient either way.
    assert float(loss(together, torch.tensor([0, 1, 2, 3]), 20.0)) == 0.0


def test_the_top_level_term_costs_only_confusions_across_categories():
    import torch

    grouping = torch.tensor([0, 0, 1])  # subcategories 0 and 1 share a top-level category
    target = torch.tensor([0])
    within = torch.tensor([[0.0, 9.0, -9.0]])  # wrong subcategory, right category
    across = torch.tensor([[0.0, -9.0, 9.0]])  # wrong subcategory, wrong category
    plain = training.Settings()
    both = training.Settings(major_weight=1.0)

    def extra(logits):
        return float(
            training.losses(logits, None, target, both, grouping)
            - training.losses(logits, None, target, plain, grouping)
        )

    assert extra(within) < 0.01 < 5 < extra(across)


def test_adapting_again_continues_from_the_start_and_leaves_it_alone():
    from dataclasses import replace

    from nlp.priorities import Framework, Priority

    framework = Framework(
        id="look-alike",
        title="Look-alike codes",
        priorities=(
            Priority(id="wait", title="Waiting", description="Time spent waiting to be seen"),
            Priority(id="kind", title="Kindness", description="Staff were kind and caring"),
        ),
    )
    texts = [
        "Sat in the corridor for hours before anyone came",
        "The nurse held my hand and explained everything gently",
        "Appointment ran two hours late with no update",
        "Reception staff were warm and patient with my dad",
    ]
    labels = np.array([[1, 0], [0, 1], [1, 0], [0, 1]], dtype=np.int8)
    start = tag_encoder.load_transformer()
    name = "encoder.layer.0.attention.self.query.weight"
    before = start.state_dict()[name].clone()
    packaged = embed.load_model()[0].auto_model.state_dict()[name]
    settings = replace(training.SHIPPED, epochs=1, batch=2)
    again = training.adapt(texts, labels, framework, settings, start=start).state_dict()[name]
    assert bool((start.state_dict()[name] == before).all())
    assert not bool((again == before).all())
    # One small step from the shipped weights, not from the packaged ones they differ from.
    assert float((again - before).norm()) < float((before - packaged).norm())
