"""The downloadable receipt card speaks the page's language, as the printed one does, and its
font has every Welsh letter (Pillow's own font prints "ôl" with a box)."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from PIL import Image, ImageChops, ImageDraw

from workbench import organisation
from workbench.receipt_card import card_font, card_png, make_card


@pytest.mark.parametrize("letter", list("âêîôûŵŷÂŴŶ"))
def test_the_card_font_draws_every_welsh_letter(letter):
    font = card_font(22)
    image = Image.new("L", (40, 40))
    ImageDraw.Draw(image).text((5, 5), "\u0378", font=font, fill=255)  # unassigned: "no glyph"
    drawn = Image.new("L", (40, 40))
    ImageDraw.Draw(drawn).text((5, 5), letter, font=font, fill=255)
    assert ImageChops.difference(image, drawn).getbbox()


def test_the_png_card_is_in_the_requests_language(app):
    card = make_card("https://stories.example", "SW-AAAA-BBBB", "ABCD-EFGH-JKMN-PQRS", "Title")
    drawn = {}
    with app.test_request_context():
        for lang in ("en", "cy"):
            with force_locale(lang):
                drawn[lang] = card_png(card, organisation.current())
    assert drawn["en"] != drawn["cy"]
    with app.test_request_context(), force_locale("cy"):
        again = card_png(card, organisation.current())
    assert again == drawn["cy"]
