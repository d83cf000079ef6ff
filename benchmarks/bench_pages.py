"""Page rendering against a bare Django view through the same middleware."""

from django.test import Client, override_settings

from benchmarks.harness import Figure, median_ms


def run() -> list[Figure]:
    client = Client()
    with override_settings(ROOT_URLCONF="benchmarks.urls"):
        bare = median_ms(lambda: client.get("/__bench__/bare/"))
        home = median_ms(lambda: client.get("/"))
        login = median_ms(lambda: client.get("/accounts/login/"))
    return [
        Figure("home page, anonymous (in-process)", home, "ms", "bare view", bare),
        Figure("login page (in-process)", login, "ms", "bare view", bare),
    ]
