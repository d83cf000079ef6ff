"""Small SCORM 1.2, SCORM 2004 and cmi5 packages, built by the tests themselves."""

import io
import stat
import zipfile

# A launch page that talks to the runtime as a vendor's SCO would: it reads its
# bookmark right after Initialize, saves a page at a time, and finishes passed.
_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><h1>{title}</h1>
<p id="where">Loading</p>
<button type="button" id="next">Next page</button>
<button type="button" id="bookmark">Bookmark the last page</button>
<button type="button" id="finish">Finish</button>
</main>
<script>
var scorm12 = {scorm12};
var api = scorm12 ? window.API : window.API_1484_11;
var call = function (name12, name2004) {{
  var args = Array.prototype.slice.call(arguments, 2);
  return api[scorm12 ? name12 : name2004].apply(api, args);
}};
call("LMSInitialize", "Initialize", "");
var where = scorm12 ? "cmi.core.lesson_location" : "cmi.location";
var resumed = call("LMSGetValue", "GetValue", scorm12 ? "cmi.core.entry" : "cmi.entry") === "resume";
var page = parseInt(call("LMSGetValue", "GetValue", where) || "1", 10);
var show = function (text) {{ document.getElementById("where").textContent = text; }};
show((resumed ? "Resumed on page " : "Page ") + page + " of 3");
document.getElementById("next").onclick = function () {{
  page += 1;
  call("LMSSetValue", "SetValue", where, String(page));
  call("LMSSetValue", "SetValue", "cmi.suspend_data", "seen-" + page);
  if (scorm12) {{ call("LMSSetValue", "SetValue", "cmi.core.lesson_status", "incomplete"); }}
  else {{ call("LMSSetValue", "SetValue", "cmi.completion_status", "incomplete"); }}
  call("LMSCommit", "Commit", "");
  show("Page " + page + " of 3");
}};
// Saved only in the runtime, not committed: leaving the page must keep it.
document.getElementById("bookmark").onclick = function () {{
  call("LMSSetValue", "SetValue", where, "3");
  show("Bookmarked page 3");
}};
document.getElementById("finish").onclick = function () {{
  if (scorm12) {{
    call("LMSSetValue", "SetValue", "cmi.core.score.raw", "90");
    call("LMSSetValue", "SetValue", "cmi.core.lesson_status", "passed");
  }} else {{
    call("LMSSetValue", "SetValue", "cmi.score.scaled", "0.9");
    call("LMSSetValue", "SetValue", "cmi.completion_status", "completed");
    call("LMSSetValue", "SetValue", "cmi.success_status", "passed");
  }}
  call("LMSCommit", "Commit", "");
  call("LMSFinish", "Terminate", "");
  show("Finished");
}};
</script></body></html>
"""


def launch_page(*, title: str = "Cyber-security basics", scorm12: bool = True) -> bytes:
    return _PAGE.format(title=title, scorm12="true" if scorm12 else "false").encode()


LAUNCH_PAGE = launch_page()

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
        "content/index.html": launch_page(title="Privacy at work", scorm12=False),
    }


# A cmi5 AU as a vendor's would work: the auth token from the fetch URL, the
# launch data and its bookmark from the state API, and its statements.
CMI5_PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>WHMIS refresher</title></head>
<body><main><h1>WHMIS refresher</h1>
<p id="where">Loading</p>
<button type="button" id="next">Next page</button>
<button type="button" id="finish">Finish</button>
</main>
<script>
var q = new URLSearchParams(location.search);
var endpoint = q.get("endpoint"), registration = q.get("registration");
var actor = JSON.parse(q.get("actor")), activity = q.get("activityId");
var session = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
var auth, sessionId, page = 1;
var show = function (text) { document.getElementById("where").textContent = text; };
var xapi = function (method, path, body) {
  return fetch(endpoint + path, {method: method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: {"Authorization": auth, "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3"}});
};
var state = function (id) {
  return "activities/state?" + new URLSearchParams({activityId: activity, agent: JSON.stringify(actor),
    registration: registration, stateId: id});
};
var send = function (verb, result) {
  var context = {registration: registration, extensions: {}};
  context.extensions[session] = sessionId;
  return xapi("POST", "statements", {actor: actor, object: {objectType: "Activity", id: activity},
    verb: {id: "http://adlnet.gov/expapi/verbs/" + verb}, result: result, context: context});
};
fetch(q.get("fetch"), {method: "POST"}).then(function (r) { return r.json(); })
  .then(function (token) { auth = "Basic " + token["auth-token"]; return xapi("GET", state("LMS.LaunchData")); })
  .then(function (r) { return r.json(); })
  .then(function (data) { sessionId = data.contextTemplate.extensions[session]; return xapi("GET", state("bookmark")); })
  .then(function (r) { return r.ok ? r.text() : ""; })
  .then(function (bookmark) { page = parseInt(bookmark || "1", 10); return send("initialized"); })
  .then(function () { show((page > 1 ? "Resumed on page " : "Page ") + page + " of 3"); });
document.getElementById("next").onclick = function () {
  page += 1;
  xapi("PUT", state("bookmark"), page).then(function () { show("Page " + page + " of 3"); });
};
document.getElementById("finish").onclick = function () {
  send("completed", {completion: true})
    .then(function () { return send("passed", {success: true, score: {scaled: 0.9}}); })
    .then(function () { return send("terminated"); })
    .then(function () { show("Finished"); });
};
</script></body></html>
"""


def cmi5_files(*, href: str = "index.html") -> dict[str, bytes]:
    return {
        "cmi5.xml": CMI5_MANIFEST.format(href=href).encode(),
        "index.html": CMI5_PAGE,
    }


# A package page that tries, as a malicious one would, to read what is not its
# own: the learner's pages (and another module's player, with its token), the
# player page around it, and the site's cookies and storage. Each result is
# written on the page for the test to read.
PRYING_PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Prying</title></head>
<body><h1>Prying</h1><ul id="results"></ul>
<script>
var report = function (name, outcome) {
  var item = document.createElement("li");
  item.textContent = name + ": " + outcome;
  document.getElementById("results").appendChild(item);
};
var attempt = function (name, read) {
  try {
    Promise.resolve(read()).then(
      function (value) { report(name, "read " + String(value).length + " characters"); },
      function () { report(name, "blocked"); }
    );
  } catch (error) { report(name, "blocked"); }
};
var text = function (url) {
  return fetch(url, {credentials: "include"}).then(function (r) {
    if (!r.ok) { throw new Error(r.status); }
    return r.text();
  });
};
attempt("my learning", function () { return text("/my/learning/"); });
attempt("other player", function () { return text("OTHER_PLAYER"); });
attempt("player page", function () { return window.top.document.body.innerHTML; });
attempt("cookies", function () { return document.cookie || Promise.reject(); });
attempt("storage", function () { return window.localStorage.length; });
</script></body></html>
"""


def prying_files(*, other_player: str) -> dict[str, bytes]:
    """The prying page, told the address of another module's player."""
    files = scorm12_files()
    files["index.html"] = PRYING_PAGE.replace(b"OTHER_PLAYER", other_player.encode())
    return files
