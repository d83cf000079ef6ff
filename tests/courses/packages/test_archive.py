"""Which uploads are packages, and every way a ZIP could escape its folder or flood the disk."""

import io
import zipfile

import pytest

from courses.packages.archive import (
    CMI5,
    SCORM12,
    SCORM2004,
    PackageRejected,
    read_package,
    unpacked_files,
)
from tests.courses.packages.builders import (
    cmi5_files,
    scorm12_files,
    scorm2004_files,
    zip_bytes,
)

LIMITS = {"max_files": 50, "max_bytes": 1_000_000}


def _read(data: bytes, **limits):
    return read_package(io.BytesIO(data), **{**LIMITS, **limits})[0]


def _refusal(data: bytes, **limits) -> str:
    with pytest.raises(PackageRejected) as refusal:
        archive = read_package(io.BytesIO(data), **{**LIMITS, **limits})[1]
        for _info, member in unpacked_files(archive, max_bytes=LIMITS["max_bytes"]):
            while member.read(4096):
                pass
    return refusal.value.message


def test_a_scorm_12_package_names_its_launch_page_and_mastery_score():
    manifest = _read(zip_bytes(scorm12_files(mastery=75)))
    assert manifest.standard == SCORM12
    assert manifest.title == "Cyber-security basics"
    assert manifest.identifier == "city.cyber.12"
    assert manifest.launch == "index.html"
    assert manifest.mastery_score == 0.75
    assert manifest.file_count == 2


def test_a_scorm_2004_package_launches_under_its_xml_base_with_parameters():
    manifest = _read(zip_bytes(scorm2004_files(href="index.html?lang=en")))
    assert manifest.standard == SCORM2004
    assert manifest.launch == "content/index.html"
    assert manifest.launch_parameters == "lang=en"
    assert manifest.title == "Privacy at work"


def test_a_cmi5_package_names_its_unit_and_mastery_score():
    manifest = _read(zip_bytes(cmi5_files()))
    assert manifest.standard == CMI5
    assert manifest.title == "WHMIS refresher"
    assert manifest.identifier == "https://city.example/courses/whmis/au1"
    assert manifest.mastery_score == 0.8


def test_every_file_comes_out_as_it_went_in():
    files = scorm12_files()
    _, archive = read_package(io.BytesIO(zip_bytes(files)), **LIMITS)
    unpacked = {
        info.filename: member.read()
        for info, member in unpacked_files(archive, max_bytes=LIMITS["max_bytes"])
    }
    assert unpacked == files


def test_a_file_that_is_not_a_zip_is_refused():
    assert _refusal(b"%PDF-1.7 not a zip") == "This file is not a ZIP archive."


def test_a_zip_without_a_manifest_is_not_a_package():
    assert "not a SCORM or cmi5 package" in _refusal(zip_bytes({"a.html": b"x"}))


def test_a_manifest_zipped_inside_its_folder_gets_a_hint():
    files = {f"course/{name}": data for name, data in scorm12_files().items()}
    assert "Zip the folder's contents" in _refusal(zip_bytes(files))


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("../../etc/cron.d/evil", "points outside the package"),
        ("content/../../evil.html", "points outside the package"),
        ("/etc/passwd", "absolute path"),
        ("C:/Windows/evil.dll", "absolute path"),
        ("content\\..\\..\\evil.html", "backslash"),
    ],
)
def test_paths_that_leave_the_package_are_refused(name, says):
    assert says in _refusal(zip_bytes({**scorm12_files(), name: b"x"}))


def test_a_symbolic_link_is_refused():
    data = zip_bytes(scorm12_files(), symlinks={"secrets": "/etc/passwd"})
    assert "secrets is a symbolic link" in _refusal(data)


def test_a_name_twice_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in scorm12_files().items():
            archive.writestr(name, content)
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("index.html", b"the second one would win")
    assert "index.html is in the ZIP twice" in _refusal(buffer.getvalue())


def test_more_files_than_the_limit_are_refused():
    files = {**scorm12_files(), **{f"img/{n}.png": b"x" for n in range(60)}}
    assert "has 62 files; the limit is 50" in _refusal(zip_bytes(files))


def test_a_zip_bomb_is_refused_on_its_declared_size_before_unpacking():
    # 50 MB of zeros compress to about 50 KB.
    bomb = zip_bytes({**scorm12_files(), "filler.bin": bytes(50_000_000)})
    assert len(bomb) < 200_000
    assert "unpacks to 50 MB; the limit is 1 MB" in _refusal(bomb)


def test_a_member_that_lies_about_its_size_is_stopped_while_unpacking():
    data = zip_bytes({**scorm12_files(), "filler.bin": bytes(100_000)})
    # The central directory's record for filler.bin: its uncompressed size is
    # at offset 24 of the 46-byte header that precedes the name. Say 10 bytes.
    offset = data.index(b"filler.bin", data.index(b"PK\x01\x02")) - 46 + 24
    forged = data[:offset] + (10).to_bytes(4, "little") + data[offset + 4 :]
    assert zipfile.ZipFile(io.BytesIO(forged)).getinfo("filler.bin").file_size == 10
    assert "filler.bin is damaged or unpacks to more" in _refusal(forged)


def test_a_launch_page_outside_the_package_is_refused():
    for href in ("https://evil.example/phish.html", "//evil.example/x", "/index.html"):
        assert "outside the package" in _refusal(zip_bytes(scorm12_files(href=href)))
    assert "points outside" in _refusal(zip_bytes(scorm12_files(href="../x.html")))


def test_a_launch_page_missing_from_the_zip_is_refused():
    message = _refusal(zip_bytes(scorm12_files(href="start.html")))
    assert message == "The manifest launches start.html, which is not in the ZIP."


def test_a_cmi5_unit_at_an_outside_url_is_refused():
    data = zip_bytes(cmi5_files(href="https://vendor.example/au1"))
    assert "outside the package" in _refusal(data)


def test_a_manifest_with_entities_is_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">'
        b'<!ENTITY b "&a;&a;&a;">]><manifest>&b;</manifest>'
    )
    data = zip_bytes({"imsmanifest.xml": bomb, "index.html": b"x"})
    assert "entities or a DTD" in _refusal(data)


def test_a_manifest_that_is_not_xml_says_which_line():
    data = zip_bytes({"imsmanifest.xml": b"<manifest>\n<oops></manifest>"})
    assert "imsmanifest.xml is not valid XML (line 2)" in _refusal(data)


def test_an_unknown_scorm_version_is_refused():
    files = scorm12_files()
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(b">1.2<", b">1.1<")
    assert "SCORM version 1.1 is not supported" in _refusal(zip_bytes(files))


def test_a_package_of_several_units_is_refused_for_now():
    files = scorm12_files()
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(
        b"</organization>",
        b'<item identifier="item2" identifierref="res1"><title>Two</title></item>'
        b"</organization>",
    )
    assert "2 launchable units" in _refusal(zip_bytes(files))


def test_a_percent_encoded_launch_page_is_the_file_of_that_name():
    files = scorm12_files(href="my%20lesson.html")
    files["my lesson.html"] = files.pop("index.html")
    assert _read(zip_bytes(files)).launch == "my lesson.html"


def test_a_launch_address_too_long_for_the_record_is_refused():
    message = _refusal(zip_bytes(scorm12_files(href="a" * 1001 + ".html")))
    assert message == "The manifest's launch address is too long."
