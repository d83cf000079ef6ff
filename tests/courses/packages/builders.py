"""Small SCORM 1.2, SCORM 2004 and cmi5 packages, built by the tests themselves."""

import io
import stat
import zipfile

LAUNCH_PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cyber-security basics</title></head>
<body><h1>Cyber-security basics</h1><p>One page, one question.</p></body></html>
"""

SCORM12_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="city.cyber.12" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Cyber-security basics</title>
      <item identifier="item1" identifierref="res1">
        <title>Lesson</title>
        <adlcp:masteryscore>{mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="{href}">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
"""

SCORM2004_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="city.privacy.2004" version="1"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Privacy at work</title>
      <item identifier="item1" identifierref="res1"><title>Lesson</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormType="sco"
        xml:base="content/" href="{href}">
      <file href="content/index.html"/>
    </resource>
  </resources>
</manifest>
"""

CMI5_MANIFEST = """<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://city.example/courses/whmis">
    <title><langstring lang="en-CA">WHMIS refresher</langstring></title>
    <description><langstring lang="en-CA">Hazard symbols.</langstring></description>
  </course>
  <au id="https://city.example/courses/whmis/au1" moveOn="CompletedAndPassed"
      masteryScore="0.8" launchMethod="OwnWindow">
    <title><langstring lang="en-CA">Lesson</langstring></title>
    <description><langstring lang="en-CA">The lesson.</langstring></description>
    <url>{href}</url>
  </au>
</courseStructure>
"""


def zip_bytes(
    files: dict[str, bytes], *, symlinks: dict[str, str] | None = None
) -> bytes:
    """A ZIP of `files` (name: content), plus symbolic links (name: target)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


def scorm12_files(*, href: str = "index.html", mastery: int = 80) -> dict[str, bytes]:
    return {
        "imsmanifest.xml": SCORM12_MANIFEST.format(href=href, mastery=mastery).encode(),
        "index.html": LAUNCH_PAGE,
    }


def scorm2004_files(*, href: str = "index.html") -> dict[str, bytes]:
    return {
        "imsmanifest.xml": SCORM2004_MANIFEST.format(href=href).encode(),
        "content/index.html": LAUNCH_PAGE,
    }


def cmi5_files(*, href: str = "index.html") -> dict[str, bytes]:
    return {
        "cmi5.xml": CMI5_MANIFEST.format(href=href).encode(),
        "index.html": LAUNCH_PAGE,
    }
