"""How often receipt QR codes still decode from poor photos: the mask segno picks by the
standard's penalty score (the baseline) against each fixed mask, on the same random receipt
URLs and the same degradations, with the time each takes to make.

A degraded photo is drawn at a few pixels per module, blurred, given Gaussian noise and saved
as a low-quality JPEG, then read with zxing-cpp. The levels sit where some codes fail, so
differences between masks can show.

Usage: .venv/bin/python benchmarks/qr_scan.py [--codes 300] [--seed 0]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

import numpy as np
import segno
import zxingcpp
from PIL import Image, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consent import receipts, references  # noqa: E402

# (pixels per module, blur radius, noise standard deviation, JPEG quality)
LEVELS = [(3.0, 0.7, 35.0, 50), (2.8, 0.75, 30.0, 50), (2.7, 0.8, 25.0, 50)]
MASKS: list[int | None] = [None, *range(8)]


def photo(code: segno.QRCode, level: tuple, rng: np.random.Generator) -> Image.Image:
    per_module, blur, noise, quality = level
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=4, border=4)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    size = (round(image.width * per_module / 4), round(image.height * per_module / 4))
    image = image.resize(size, Image.BILINEAR).filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(image, dtype=float) + rng.normal(0, noise, (size[1], size[0]))
    out = io.BytesIO()
    Image.fromarray(np.clip(pixels, 0, 255).astype("uint8")).save(out, "JPEG", quality=quality)
    return Image.open(io.BytesIO(out.getvalue()))


def make_ms(url: str, mask: int | None, repeats: int = 20) -> float:
    started = time.perf_counter()
    for _ in range(repeats):
        segno.make_qr(url, error="m", mask=mask)
    return (time.perf_counter() - started) / repeats * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--codes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    base = "https://healthwatch.example.org.uk"
    urls = [
        receipts.receipt_url(base, references.new_reference(), references.new_secret())
        for _ in range(args.codes)
    ]
    print(f"{args.codes} random receipt URLs; receipts use mask {receipts.QR_MASK}")
    print(f"{'mask':>8} {'make ms':>8} " + " ".join(f"{str(level):>24}" for level in LEVELS))
    for mask in MASKS:
        failures = []
        for level in LEVELS:
            rng = np.random.default_rng(args.seed)
            failed = 0
            for url in urls:
                code = segno.make_qr(url, error="m", mask=mask)
                read = [found.text for found in zxingcpp.read_barcodes(photo(code, level, rng))]
                failed += read != [url]
            failures.append(failed)
        name = "penalty" if mask is None else str(mask)
        cells = " ".join(f"{f'{n} failed ({n / len(urls):.0%})':>24}" for n in failures)
        print(f"{name:>8} {make_ms(urls[0], mask):8.1f} {cells}", flush=True)


if __name__ == "__main__":
    main()
