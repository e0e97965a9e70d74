"""Caption markup shared by the mainland government and wire templates (no publisher here).

Their editors centre a photo in one paragraph and its caption in the next, with no figure or
caption element and often no credit in brackets that the line-level caption test could catch.
"""

from __future__ import annotations

from dataclasses import replace

from records.articles import Image

_CENTRED = ('[align="center"]', '[style*="text-align: center"]', '[style*="text-align:center"]')

# A centred paragraph right after a paragraph (or the layout table) holding an image: its caption.
# Hanweb pages may put their content-start `<meta>` between the two.
CENTRED_AFTER_IMAGE = ", ".join(
    f":is(p, table, div):has(img) + {between}p{attr}:not(:has(img))"
    for attr in _CENTRED
    for between in ("", "meta + ")
)


def pair_captions(images: tuple[Image, ...], captions: tuple[str, ...]) -> tuple[Image, ...]:
    """Give each uncaptioned image its caption when the page has exactly one caption per image:
    these templates keep them in separate paragraphs, so order is the only link between them."""
    if len(images) != len(captions) or any(image.caption for image in images):
        return images
    return tuple(
        replace(image, caption=caption) for image, caption in zip(images, captions, strict=True)
    )
