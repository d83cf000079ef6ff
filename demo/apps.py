from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo city, its courses and logins: `seed_demo` (installed in dev and test only)."""

    name = "demo"
    verbose_name = "Demo data"
