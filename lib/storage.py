"""Media storage on Azure Blob Storage or S3, the same to the code as a folder.

The storage classes keep every file private: `url()` names our own `/media/…`
path, never a public or signed address of the blob, so a file reaches a browser
only through one of our views (a permission check for certificates, exports and
uploads; `training_site.media` for CMS images). `storage_prepare` creates the
container or bucket, which django-storages does not; `storage_walk` lists every
file under a prefix, which each backend's `listdir` answers differently (Azure
gives full names, S3 and folders relative ones).
"""

import contextlib
import os
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.utils.encoding import filepath_to_uri

from azure.core.exceptions import ResourceExistsError
from botocore.exceptions import ClientError
from storages.backends.azure_storage import AzureStorage
from storages.backends.s3 import S3Storage


class _OurURLMixin:
    """`url()` is our own path below MEDIA_URL: the blob itself stays private."""

    def url(self, name: str, *args: Any, **kwargs: Any) -> str:
        return settings.MEDIA_URL + filepath_to_uri(name).lstrip("/")


class AzureMediaStorage(_OurURLMixin, AzureStorage):
    """Azure Blob Storage (and Azurite), private container."""


class S3MediaStorage(_OurURLMixin, S3Storage):
    """Any S3-compatible store, private bucket."""


def storage_prepare(storage: Storage) -> bool:
    """Create the container, bucket or folder if it is missing; True if created.

    Safe to run again and on several hosts at once: one that is already there,
    or was created a moment ago by another host, is left as it is.
    """
    if isinstance(storage, AzureStorage):
        return _azure_prepare(storage)
    if isinstance(storage, S3Storage):
        return _s3_prepare(storage)
    if isinstance(storage, FileSystemStorage):
        created = not os.path.isdir(storage.location)
        os.makedirs(storage.location, exist_ok=True)
        return created
    return False


def _azure_prepare(storage: AzureStorage) -> bool:
    container = storage.service_client.get_container_client(storage.azure_container)
    if container.exists():
        return False
    try:
        container.create_container()  # private: no public access level
    except ResourceExistsError:
        return False
    return True


def _s3_prepare(storage: S3Storage) -> bool:
    client = storage.connection.meta.client
    try:
        client.head_bucket(Bucket=storage.bucket_name)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") not in {"404", "NoSuchBucket"}:
            raise
    else:
        return False
    options: dict[str, Any] = {"Bucket": storage.bucket_name}
    region = client.meta.region_name
    if region and region != "us-east-1":
        options["CreateBucketConfiguration"] = {"LocationConstraint": region}
    try:
        client.create_bucket(**options)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in {
            "BucketAlreadyOwnedByYou",
            "BucketAlreadyExists",
        }:
            return False
        raise
    # New buckets refuse public access where the store supports saying so.
    # (S3-compatible stores without this call are private by default.)
    with contextlib.suppress(ClientError):
        client.put_public_access_block(
            Bucket=storage.bucket_name,
            PublicAccessBlockConfiguration={
                "BlockPublicAcls": True,
                "IgnorePublicAcls": True,
                "BlockPublicPolicy": True,
                "RestrictPublicBuckets": True,
            },
        )
    return True


def storage_walk(storage: Storage, prefix: str = "") -> Iterator[str]:
    """Every file's name below `prefix` (a folder, '' for all), in no fixed order."""
    prefix = prefix.strip("/")
    if isinstance(storage, AzureStorage):
        yield from storage.list_all(f"{prefix}/" if prefix else "")
        return
    if isinstance(storage, S3Storage):
        location = storage.location.strip("/")
        start = "/".join(part for part in (location, prefix) if part)
        for item in storage.bucket.objects.filter(Prefix=f"{start}/" if start else ""):
            yield item.key[len(location) + 1 :] if location else item.key
        return
    yield from _walk_listdir(storage, prefix)


def _walk_listdir(storage: Storage, folder: str) -> Iterator[str]:
    if folder and not storage.exists(folder):
        return
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for name in folders:
        yield from _walk_listdir(storage, f"{folder}/{name}" if folder else name)
