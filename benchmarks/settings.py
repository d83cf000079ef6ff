"""Settings for the benchmark servers: the test settings plus the baseline views."""

from training_site.settings.test import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
DEBUG = False
