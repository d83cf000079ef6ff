"""Where media files go: this machine's disk, Azure Blob Storage or an S3 bucket.

`media_storage(env_str)` turns the MEDIA_STORAGE variables into the
`STORAGES["default"]` entry (docs/deployment.md, "Shared media"). Several app
servers need azure or s3: certificate PDFs, exports and CSV uploads waiting for
their confirm must be readable from every server. A missing or malformed value
stops the command at start with one line naming the variable; secrets are never
repeated in that line.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

MEDIA_STORAGES = ("filesystem", "azure", "s3")
S3_ADDRESSING_STYLES = ("auto", "path", "virtual")


def media_storage(env_str: Callable[..., str]) -> dict:
    """The STORAGES["default"] entry for MEDIA_STORAGE (filesystem by default)."""
    kind = env_str("MEDIA_STORAGE", "filesystem").strip().lower() or "filesystem"
    if kind not in MEDIA_STORAGES:
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE must be filesystem, azure or s3, not {kind!r}"
        )
    if kind == "azure":
        return _azure(env_str)
    if kind == "s3":
        return _s3(env_str)
    return {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def _required(env_str: Callable[..., str], name: str, kind: str) -> str:
    value = env_str(name).strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} (or {name}_FILE) must be set when MEDIA_STORAGE={kind}"
        )
    return value


def _azure(env_str: Callable[..., str]) -> dict:
    connection_string = _required(env_str, "AZURE_STORAGE_CONNECTION_STRING", "azure")
    parts = dict(
        part.split("=", 1) for part in connection_string.split(";") if "=" in part
    )
    malformed = any(
        part and "=" not in part for part in connection_string.split(";")
    ) or not ({"AccountName", "BlobEndpoint"} & parts.keys())
    if malformed:
        # Not repeated: it holds the account key.
        raise ImproperlyConfigured(
            "AZURE_STORAGE_CONNECTION_STRING is not a connection string such as "
            "DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;"
            "EndpointSuffix=core.windows.net"
        )
    container = env_str("AZURE_CONTAINER", "media").strip()
    # Azure's rule: 3-63 lower-case letters, digits and single hyphens.
    if not (
        3 <= len(container) <= 63
        and container.replace("-", "").isalnum()
        and container == container.lower()
        and container[0] != "-"
        and container[-1] != "-"
        and "--" not in container
    ):
        raise ImproperlyConfigured(
            "AZURE_CONTAINER must be 3-63 lower-case letters, digits and hyphens, "
            f"not {container!r}"
        )
    return {
        "BACKEND": "lib.storage.AzureMediaStorage",
        "OPTIONS": {
            "connection_string": connection_string,
            "azure_container": container,
            "overwrite_files": False,
        },
    }


def _s3(env_str: Callable[..., str]) -> dict:
    bucket = _required(env_str, "S3_BUCKET", "s3")
    endpoint_url = env_str("S3_ENDPOINT_URL").strip()
    if endpoint_url and not endpoint_url.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"S3_ENDPOINT_URL must start with http:// or https://, not {endpoint_url!r}"
        )
    access_key = env_str("S3_ACCESS_KEY_ID").strip()
    secret_key = env_str("S3_SECRET_ACCESS_KEY").strip()
    if bool(access_key) != bool(secret_key):
        # Both, or neither (the machine's own credentials: an instance role).
        missing = "S3_SECRET_ACCESS_KEY" if access_key else "S3_ACCESS_KEY_ID"
        raise ImproperlyConfigured(
            f"{missing} (or {missing}_FILE) must be set with the other S3 key"
        )
    style = env_str("S3_ADDRESSING_STYLE", "path" if endpoint_url else "auto")
    if style not in S3_ADDRESSING_STYLES:
        raise ImproperlyConfigured(
            f"S3_ADDRESSING_STYLE must be auto, path or virtual, not {style!r}"
        )
    return {
        "BACKEND": "lib.storage.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "access_key": access_key or None,
            "secret_key": secret_key or None,
            "region_name": env_str("S3_REGION").strip() or None,
            "addressing_style": style,
            "signature_version": "s3v4",
            "file_overwrite": False,
            # Objects stay private to the bucket owner (lib.storage: no URLs).
            "default_acl": None,
        },
    }
