"""The receipt card a storyteller keeps: reference, secret and a QR code to their receipt page.

The QR code's URL carries the secret in the fragment (`/receipt#REF.SECRET`), which browsers
never send to a server, so it stays out of access logs and Referer headers. The card is drawn
in the page that issued the receipt (with a print stylesheet) and as a PNG the same request
can download by POST: the secret never travels in a query string.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from flask_babel import gettext
from markupsafe import Markup
from PIL import Image, ImageDraw, ImageFont

from consent import receipts

CARD_SIZE = (1240, 720)
QR_SIDE = 560
MARGIN = 60
INK = (29, 42, 51)
MUTED = (90, 107, 120)
ACCENT = (0, 94, 184)
DEJAVU = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf")
_SVG_SIZE = re.compile(r'<svg[^>]*?width="(\d+)"[^>]*?height="(\d+)"')


@dataclass(frozen=True)
class Card:
    """What a receipt card shows."""

    reference: str
    secret: str
    url: str
    activity_title: str
    receipt_page: str

    @property
    def qr_svg(self) -> Markup:
        """The QR code as inline SVG (segno writes only shapes: nothing to escape).

        A viewBox lets the stylesheet size it, on screen and at 45 mm when printed.
        """
        svg = receipts.qr_svg(self.url, title=gettext("QR code that opens your receipt page"))
        svg = svg[max(svg.find("<svg"), 0) :]
        size = _SVG_SIZE.search(svg)
        if size and "viewBox" not in svg:
            svg = svg.replace("<svg", f'<svg viewBox="0 0 {size[1]} {size[2]}"', 1)
        return Markup(svg)


def make_card(base_url: str, reference: str, secret: str, activity_title: str) -> Card:
    """The card for a receipt issued at `base_url` (scheme and host, no trailing slash)."""
    base = base_url.rstrip("/")
    return Card(
        reference=reference,
        secret=secret,
        url=receipts.receipt_url(base, reference, secret),
        activity_title=activity_title,
        receipt_page=f"{base}/receipt",
    )


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def _qr_image(url: str) -> Image.Image:
    qr = Image.open(io.BytesIO(receipts.qr_png(url))).convert("L")
    # Whole-number scaling with NEAREST keeps every module square, so scanners read it.
    factor = max(1, QR_SIDE // qr.width)
    return qr.resize((qr.width * factor, qr.height * factor), Image.NEAREST)


def _contact_line(organisation: dict) -> str:
    contact = organisation.get("contact") or {}
    return " · ".join(contact[k] for k in ("phone", "email") if contact.get(k))


def card_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans (Debian's fonts-dejavu-core), which has every Welsh letter (â ê î ô û ŵ
    ŷ); Pillow's own font lacks them and would print "thynnu'n ôl" with a box. Without
    DejaVu, Pillow's font, so a card is still made."""
    for path in DEJAVU:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def card_png(card: Card, organisation: dict) -> bytes:
    """The card as a PNG, sized to print sharply at credit-card size, in the request's
    language (as the printed card is), naming the organisation that holds the story."""
    image = Image.new("RGB", CARD_SIZE, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([(4, 4), (CARD_SIZE[0] - 5, CARD_SIZE[1] - 5)], outline=ACCENT, width=6)
    qr = _qr_image(card.url)
    image.paste(qr, (MARGIN - 20, (CARD_SIZE[1] - qr.height) // 2))
    x = MARGIN + qr.width
    width = CARD_SIZE[0] - x - MARGIN
    y = MARGIN
    big, title, body, small = (card_font(s) for s in (44, 28, 34, 22))
    draw.text((x, y), gettext("Your story receipt"), font=big, fill=ACCENT)
    y += 64
    for line in _wrap(draw, card.activity_title, title, width)[:2]:
        draw.text((x, y), line, font=title, fill=INK)
        y += 36
    y += 16
    for label, value in ((gettext("Reference"), card.reference), (gettext("Secret"), card.secret)):
        draw.text((x, y), label, font=small, fill=MUTED)
        y += 28
        draw.text((x, y), value, font=body, fill=INK)
        y += 52
    y += 8
    notes = (
        gettext(
            "Scan the code, or go to %(page)s and type the reference and secret.",
            page=card.receipt_page,
        ),
        gettext("Keep this card private: the secret lets anyone see or withdraw your story."),
        gettext("Your story is held by %(name)s.", name=organisation["name"]),
        _contact_line(organisation),
    )
    for note in filter(None, notes):
        for line in _wrap(draw, note, small, width):
            draw.text((x, y), line, font=small, fill=INK)
            y += 28
        y += 8
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
