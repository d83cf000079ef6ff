"""Is this ZIP a SCORM 1.2, SCORM 2004 or cmi5 package that is safe to unpack and play?

`read_package` answers before a single file is written: it refuses, with one
sentence a trainer can act on, a file that is not a ZIP, a member whose path
leaves the package (`../`, an absolute or drive path, a backslash), a symbolic
link, an encrypted member, a duplicate name, more files or more unpacked bytes
than the limits (a ZIP bomb declares its sizes and is refused on them; the copy
in `unpacked_files` counts what really comes out as well), a manifest that is not
XML or uses entities (defusedxml), and a launch page that is not a file inside
the package. It reads SCORM's `imsmanifest.xml` and cmi5's `cmi5.xml` at the top
of the ZIP, and plays packages with one launchable unit (one SCO, one AU).
"""

import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

SCORM12 = "scorm12"
SCORM2004 = "scorm2004"
CMI5 = "cmi5"

SCORM_MANIFEST = "imsmanifest.xml"
CMI5_MANIFEST = "cmi5.xml"
# SCORM 2004's schemaversion values for the 2nd, 3rd and 4th editions.
SCORM2004_VERSIONS = {"CAM 1.3", "2004 3rd Edition", "2004 4th Edition"}


class PackageRejected(Exception):
    """Why the upload is not a package we take; `message` is for the trainer."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class PackageManifest:
    standard: str
    identifier: str
    title: str
    # The launch page's path inside the package, and its query string, if any.
    launch: str
    launch_parameters: str
    # 0-1, when the package declares what counts as passed.
    mastery_score: float | None
    file_count: int
    unpacked_bytes: int


def read_package(
    upload: BinaryIO, *, max_files: int, max_bytes: int
) -> tuple[PackageManifest, zipfile.ZipFile]:
    """The manifest and the open, checked archive; raises PackageRejected."""
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PackageRejected(_("This file is not a ZIP archive.")) from None
    members = [info for info in archive.infolist() if not info.is_dir()]
    _check_members(archive.infolist(), max_files=max_files, max_bytes=max_bytes)
    names = {info.filename for info in members}
    if SCORM_MANIFEST in names:
        manifest = _scorm(_xml(archive, SCORM_MANIFEST), names)
    elif CMI5_MANIFEST in names:
        manifest = _cmi5(_xml(archive, CMI5_MANIFEST), names)
    else:
        nested = sorted(
            name
            for name in names
            if PurePosixPath(name).name in (SCORM_MANIFEST, CMI5_MANIFEST)
        )
        if nested:
            raise PackageRejected(
                _(
                    "The manifest is inside a folder (%(path)s). Zip the folder's "
                    "contents, not the folder, so that it is at the top of the ZIP."
                )
                % {"path": nested[0]}
            )
        raise PackageRejected(
            _(
                "This ZIP is not a SCORM or cmi5 package: it has no imsmanifest.xml "
                "or cmi5.xml at the top."
            )
        )
    total = sum(info.file_size for info in members)
    return (
        PackageManifest(**manifest, file_count=len(members), unpacked_bytes=total),
        archive,
    )


def unpacked_files(
    archive: zipfile.ZipFile, *, max_bytes: int
) -> Iterator[tuple[zipfile.ZipInfo, "CheckedMember"]]:
    """Each file's entry and a reader that stops where its declared size ends."""
    budget = [max_bytes]
    for info in archive.infolist():
        if not info.is_dir():
            with archive.open(info) as member:
                yield info, CheckedMember(member, info, budget)


class CheckedMember:
    """Reads one member, refusing more bytes than it declared or the package may hold.

    zipfile itself stops at the declared size and then fails the CRC check: both
    a lying header and a damaged file end here, as PackageRejected.
    """

    def __init__(self, member, info: zipfile.ZipInfo, budget: list[int]):
        self._member, self._info, self._budget = member, info, budget
        self._left = info.file_size

    def read(self, size: int = -1) -> bytes:
        want = self._left + 1 if size is None or size < 0 else min(size, self._left + 1)
        try:
            data = self._member.read(want)
        except (zipfile.BadZipFile, zlib.error, EOFError):
            raise self._refusal() from None
        self._left -= len(data)
        self._budget[0] -= len(data)
        if self._left < 0 or self._budget[0] < 0:
            raise self._refusal()
        return data

    def _refusal(self) -> PackageRejected:
        return PackageRejected(
            _("%(name)s is damaged or unpacks to more than the ZIP says.")
            % {"name": self._info.filename}
        )


def _check_members(
    infos: list[zipfile.ZipInfo], *, max_files: int, max_bytes: int
) -> None:
    files = [info for info in infos if not info.is_dir()]
    if len(files) > max_files:
        raise PackageRejected(
            _("The package has %(count)s files; the limit is %(limit)s.")
            % {"count": len(files), "limit": max_files}
        )
    seen = set()
    for info in infos:
        name = info.filename
        problem = _path_problem(name)
        if problem:
            raise PackageRejected(problem % {"name": name})
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackageRejected(
                _("%(name)s is a symbolic link; packages may hold only files.")
                % {"name": name}
            )
        if info.flag_bits & 0x1:
            raise PackageRejected(
                _("%(name)s is encrypted; upload the package without a password.")
                % {"name": name}
            )
        if name in seen:
            raise PackageRejected(_("%(name)s is in the ZIP twice.") % {"name": name})
        seen.add(name)
    total = sum(info.file_size for info in files)
    if total > max_bytes:
        raise PackageRejected(
            _("The package unpacks to %(size)s MB; the limit is %(limit)s MB.")
            % {"size": _megabytes(total), "limit": _megabytes(max_bytes)}
        )


def _path_problem(name: str) -> str | None:
    """Why `name` may not be unpacked under the package's folder, or None."""
    if "\\" in name:
        return _("%(name)s has a backslash in its path; use a ZIP tool that writes /.")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return _("%(name)s has an absolute path; paths must be inside the package.")
    parts = PurePosixPath(name).parts
    if ".." in parts:
        return _("%(name)s points outside the package (..).")
    if any(ord(char) < 32 for char in name):
        return _("%(name)s has a control character in its name.")
    return None


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".removesuffix(".0")


def _xml(archive: zipfile.ZipFile, name: str) -> Element:
    try:
        return fromstring(archive.read(name))
    except ParseError as error:
        raise PackageRejected(
            _("%(name)s is not valid XML (line %(line)s).")
            % {"name": name, "line": error.position[0]}
        ) from None
    except DefusedXmlException:
        raise PackageRejected(
            _("%(name)s uses XML entities or a DTD, which packages may not.")
            % {"name": name}
        ) from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


def _first(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    found = _children(element, name)
    return found[0] if found else None


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _attribute(element: Element, name: str) -> str:
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value.strip()
    return ""


def _scorm(root: Element, names: set[str]) -> dict:
    version = _text(_first(_first(root, "metadata"), "schemaversion"))
    namespaces = " ".join([root.tag, *root.attrib.values()])
    if version == "1.2" or (not version and "adlcp_rootv1p2" in namespaces):
        standard = SCORM12
    elif version in SCORM2004_VERSIONS or (not version and "adlcp_v1p3" in namespaces):
        standard = SCORM2004
    else:
        raise PackageRejected(
            _(
                "SCORM version %(version)s is not supported: SCORM 1.2 and SCORM "
                "2004 (2nd to 4th edition) are."
            )
            % {"version": version or _("(none given)")}
        )
    organizations = _first(root, "organizations")
    all_organizations = (
        _children(organizations, "organization") if organizations is not None else []
    )
    default = _attribute(organizations, "default") if organizations is not None else ""
    organization = next(
        (o for o in all_organizations if _attribute(o, "identifier") == default),
        all_organizations[0] if all_organizations else None,
    )
    if organization is None:
        raise PackageRejected(_("imsmanifest.xml has no organization to launch."))
    launchable = [
        item
        for item in organization.iter()
        if _local(item.tag) == "item" and _attribute(item, "identifierref")
    ]
    if not launchable:
        raise PackageRejected(_("imsmanifest.xml has no item that launches anything."))
    if len(launchable) > 1:
        raise PackageRejected(
            _(
                "The package has %(count)s launchable units (SCOs); only packages "
                "with one are supported."
            )
            % {"count": len(launchable)}
        )
    item = launchable[0]
    resources_element = _first(root, "resources")
    resources = {
        _attribute(resource, "identifier"): resource
        for resource in (
            _children(resources_element, "resource")
            if resources_element is not None
            else []
        )
    }
    resource = resources.get(_attribute(item, "identifierref"))
    if resource is None or not _attribute(resource, "href"):
        raise PackageRejected(
            _("imsmanifest.xml's item names a resource with no launch file.")
        )
    base = _attribute(resources_element, "base") + _attribute(resource, "base")
    href = base + _attribute(resource, "href") + _attribute(item, "parameters")
    launch, parameters = _launch(href, names)
    mastery = _text(_first(item, "masteryscore"))
    return {
        "standard": standard,
        "identifier": _attribute(root, "identifier"),
        "title": _text(_first(organization, "title")) or _text(_first(item, "title")),
        "launch": launch,
        "launch_parameters": parameters,
        "mastery_score": _score(mastery, scale=100) if mastery else None,
    }


def _cmi5(root: Element, names: set[str]) -> dict:
    course = _first(root, "course")
    units = [element for element in root.iter() if _local(element.tag) == "au"]
    if not units:
        raise PackageRejected(_("cmi5.xml has no assignable unit (AU) to launch."))
    if len(units) > 1:
        raise PackageRejected(
            _(
                "The package has %(count)s assignable units (AUs); only packages "
                "with one are supported."
            )
            % {"count": len(units)}
        )
    unit = units[0]
    launch, parameters = _launch(_text(_first(unit, "url")), names)
    mastery = _attribute(unit, "masteryScore")
    title = _first(course, "title") if course is not None else None
    return {
        "standard": CMI5,
        "identifier": _attribute(unit, "id")
        or (_attribute(course, "id") if course is not None else ""),
        "title": _text(_first(title, "langstring")) or _text(title),
        "launch": launch,
        "launch_parameters": parameters,
        "mastery_score": _score(mastery, scale=1) if mastery else None,
    }


def _launch(href: str, names: set[str]) -> tuple[str, str]:
    """The launch file inside the package and its query, or PackageRejected."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        raise PackageRejected(
            _(
                "The manifest launches %(href)s, outside the package: it must name "
                "a file inside the ZIP."
            )
            % {"href": href}
        )
    path = unquote(parts.path)  # "my%20page.html" is the file "my page.html"
    if len(path) > 1000 or len(parts.query) > 1000:
        raise PackageRejected(_("The manifest's launch address is too long."))
    problem = _path_problem(path)
    if problem:
        raise PackageRejected(problem % {"name": path})
    normal = str(PurePosixPath(path))
    if normal not in names:
        raise PackageRejected(
            _("The manifest launches %(path)s, which is not in the ZIP.")
            % {"path": path}
        )
    return normal, parts.query


def _score(value: str, *, scale: int) -> float:
    try:
        score = float(value) / scale
    except ValueError:
        raise PackageRejected(
            _("The manifest's mastery score %(value)s is not a number.")
            % {"value": value}
        ) from None
    if not 0 <= score <= 1:
        raise PackageRejected(
            _("The manifest's mastery score %(value)s is out of range.")
            % {"value": value}
        )
    return score
