"""CMS images (originals and renditions), streamed from media storage.

Media storage is private on every backend (lib.storage), so the pictures on
course pages come through here: `/media/images/…` and `/media/original_images/…`,
for whoever may browse the catalogue. Every other media file (certificate PDFs,
exports, CSV uploads waiting for their confirm) has no URL here: each is handed
out by its own view after its own permission check.
"""

import mimetypes

from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .permissions import user_can_view_cms_images

# Wagtail's folders for uploaded images and their renditions.
IMAGE_FOLDERS = ("images", "original_images")
# Wagtail's default image formats; never SVG, which can carry script.
IMAGE_TYPES = {"image/avif", "image/gif", "image/jpeg", "image/png", "image/webp"}
# A rendition's name changes with its image and filter, so a copy can be kept.
IMAGE_CACHE_SECONDS = 24 * 60 * 60


@require_safe
def cms_image(request, path: str):
    """One image file; 404 for anything outside the image folders."""
    folder, _, rest = path.partition("/")
    content_type = mimetypes.guess_type(path)[0]
    if folder not in IMAGE_FOLDERS or not rest or ".." in rest.split("/"):
        raise Http404
    if content_type not in IMAGE_TYPES:
        raise Http404
    if not user_can_view_cms_images(request.user):
        return redirect_to_login(request.get_full_path())
    if not default_storage.exists(path):
        raise Http404
    response = FileResponse(default_storage.open(path, "rb"), content_type=content_type)
    patch_cache_control(response, private=True, max_age=IMAGE_CACHE_SECONDS)
    return response
