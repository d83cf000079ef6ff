"""/health/ready/ checks shared media: ready on a prepared store, not on a missing one."""

import pytest

from tests.storage_emulators import unique_name
from training_site.settings.media import media_storage


@pytest.mark.django_db
def test_ready_on_the_store_and_not_without_its_container(
    object_storage, storage_emulators, client, settings
):
    ready = client.get("/health/ready/")
    assert ready.status_code == 200
    assert ready.json()["checks"]["storage"] == "ok"
    assert object_storage.raw_names() == set()  # its probe file is gone

    # A container or bucket nobody prepared (or deleted): the app server is out.
    env = storage_emulators(object_storage.kind).media_env(unique_name())
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage(lambda key, default="": env.get(key, default)),
    }
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "failing"
