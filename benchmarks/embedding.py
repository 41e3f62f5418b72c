"""CPU embedding speed of all-MiniLM-L6-v2: sentence-transformers' fixed batches against
nlp.embed's token-budget batches, on PyTorch and ONNX Runtime (fp32 and dynamic int8), with
cosine agreement to the PyTorch vectors (quality must stay >= 0.99).

sentence-transformers' own `backend="onnx"` / `"openvino"` need `optimum`, whose only release
that installs here pins transformers 4.x and would downgrade the shared venv's transformers 5;
so the ONNX graph is exported here with torch.onnx from the packaged model folder into a
local cache directory (nothing is downloaded) and run with onnxruntime directly. nlp.embed
does the same with the fp32 graph, the fastest at equal quality.

Usage: .venv/bin/python benchmarks/embedding.py [--limit 1500] [--cache /tmp/minilm-onnx]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "fft_phase1.csv"


def export_onnx(cache: Path) -> tuple[Path, Path]:
    """fp32 (the app's own export) and dynamically quantised int8 ONNX graphs."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from nlp.embed import export_onnx as export_fp32

    fp32, int8 = cache / "minilm.onnx", cache / "minilm-int8.onnx"
    if fp32.exists() and int8.exists():
        return fp32, int8
    export_fp32(fp32)
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return fp32, int8


def onnx_encode(path: Path, texts: list[str], tokens_per_batch: int) -> np.ndarray:
    """Mean-pooled, normalised vectors like sentence-transformers, in nlp.embed's batches."""
    import onnxruntime as ort

    from nlp.embed import ONNX_INPUTS, load_model, plan_batches, token_lengths

    tokenizer = load_model().tokenizer
    options = ort.SessionOptions()
    options.intra_op_num_threads = os.cpu_count() or 1
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for index in plan_batches(token_lengths(texts), tokens_per_batch):
        batch = tokenizer(
            [texts[i] for i in index],
            padding=True,
            truncation=True,
            max_length=256,
            return_tensors="np",
        )
        hidden = session.run(None, {name: batch[name].astype(np.int64) for name in ONNX_INPUTS})[0]
        mask = batch["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        out[index] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
    return out


def timed(fn, texts):
    start = time.perf_counter()
    vectors = fn(texts)
    return vectors, len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=1500)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/story-workbench-onnx"))
    args = parser.parse_args()

    from nlp import embed

    frame = pd.read_csv(args.data)
    texts = frame["feedback"].dropna().astype(str).sample(args.limit, random_state=0).tolist()
    print(f"{len(texts)} comments (median {int(np.median([len(t.split()) for t in texts]))} words)")
    model = embed.load_model()

    def torch_encode(batch: list[str], batch_size: int) -> np.ndarray:
        return model.encode(batch, batch_size=batch_size, normalize_embeddings=True)

    torch_encode(texts[:32], 32)  # warm-up
    reference, _ = timed(lambda t: torch_encode(t, 32), texts)

    rows = []
    for batch_size in (32, 64):
        vectors, rate = timed(lambda t, b=batch_size: torch_encode(t, b), texts)
        rows.append((f"sentence-transformers, batch {batch_size}", rate, vectors))
    for budget in (512, 1024, 2048):
        vectors, rate = timed(lambda t, b=budget: embed.encode(t, tokens_per_batch=b), texts)
        rows.append((f"nlp.embed torch, {budget} tok", rate, vectors))
    fp32, int8 = export_onnx(args.cache)
    for name, path in (("nlp.embed onnx fp32", fp32), ("nlp.embed onnx int8", int8)):
        for budget in (1024, 2048):
            vectors, rate = timed(lambda t, p=path, b=budget: onnx_encode(p, t, b), texts)
            rows.append((f"{name}, {budget} tok", rate, vectors))

    # Windowed pooling differs from truncation by design; compare texts inside one window.
    within = embed.token_lengths(texts) <= embed.WINDOW
    print(f"\n{'backend':36} {'docs/s':>7} {'cos mean':>9} {'cos min':>8}")
    for name, rate, vectors in rows:
        cosine = (vectors * reference).sum(axis=1)[within]
        print(f"{name:36} {rate:>7.1f} {cosine.mean():>9.4f} {cosine.min():>8.4f}")
    print("\nThe machine is shared: compare rows of one run, not across runs.")


if __name__ == "__main__":
    main()
