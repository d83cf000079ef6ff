"""/media/: CMS images stream from media storage; no other media file has a URL."""

import io

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage

from wagtail.images.models import Image

import pytest
from PIL import Image as PillowImage

from tests.personas import LOGIN, OK, every_persona

NOT_FOUND = 404


def _image() -> Image:
    # Wagtail caches renditions by image id, which the rolled-back database reuses.
    cache.clear()
    picture = io.BytesIO()
    PillowImage.new("RGB", (64, 48), (0, 90, 160)).save(picture, "PNG")
    return Image.objects.create(
        title="Road crew at work", file=ImageFile(picture, name="crew.png")
    )


@pytest.mark.parametrize("catalogue_public", [False, True])
def test_an_image_streams_from_the_store_for_whoever_may_browse(
    object_storage, persona_matrix, settings, catalogue_public
):
    settings.CATALOGUE_PUBLIC = catalogue_public
    rendition = _image().get_rendition("fill-32x24")
    assert rendition.url.startswith("/media/images/")
    stored = object_storage.raw_bytes(rendition.file.name)
    bodies = {}

    def fetch(client, persona):
        response = client.get(rendition.url)
        if response.status_code == OK:
            bodies[persona] = b"".join(response.streaming_content)
            assert response["Content-Type"] == "image/png"
        return response

    expected = every_persona(OK, anonymous=OK if catalogue_public else LOGIN)
    persona_matrix(rendition.url, expected, request=fetch)
    assert bodies and all(body == stored for body in bodies.values())


def test_no_other_media_file_has_a_url(object_storage, persona_matrix):
    names = [
        default_storage.save("certificates/2026/12/x.pdf", ContentFile(b"%PDF-1.7")),
        default_storage.save("exports/team.xlsx", ContentFile(b"PK")),
        default_storage.save("roster-uploads/t.csv", ContentFile(b"a,b\n")),
        default_storage.save("exports/chart.png", ContentFile(b"x")),
        # SVG can carry script: not served even from the image folders.
        default_storage.save("original_images/logo.svg", ContentFile(b"<svg/>")),
    ]
    for name in names:
        persona_matrix(f"/media/{name}", every_persona(NOT_FOUND))
    persona_matrix("/media/images/../exports/chart.png", every_persona(NOT_FOUND))
    # Signed out, a missing image asks for a sign-in like any image would.
    persona_matrix(
        "/media/images/missing.png", every_persona(NOT_FOUND, anonymous=LOGIN)
    )
