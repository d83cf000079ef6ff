"""ASGI entry point; defaults to the production settings (safe when deployed)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "training_site.settings.production")

application = get_asgi_application()
