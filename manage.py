#!/usr/bin/env python
"""Django's command-line utility; defaults to the development settings."""

import importlib
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "training_site.settings.dev")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    except ImproperlyConfigured as error:
        # A wrong environment variable: one line naming it, not a traceback.
        sys.exit(f"ImproperlyConfigured: {error}")

    execute_from_command_line(sys.argv)
