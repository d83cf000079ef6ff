// The player page: the SCORM runtime (scorm-again) for the package in the frame.
//
// The package's pages have an opaque origin (sandboxed frame), so they reach
// this runtime only through scorm-again's cross-frame bridge, and only the
// package's own frame is listened to. Every commit carries a sequence number
// (the server keeps only the newest); leaving the page ends the session with
// a beacon, so nothing is lost when the browser closes mid-way.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("package-config").textContent);
  var frame = document.getElementById("package-frame");
  var status = document.getElementById("package-status");
  var sequence = config.sequence;
  var csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  if (config.standard === "cmi5") {
    // A cmi5 unit talks xAPI to the server itself, with the launch's token.
    frame.src = config.launchUrl;
    return;
  }

  var settings = {
    lmsCommitUrl: config.commitUrl,
    autocommit: true,
    autocommitSeconds: 30,
    xhrHeaders: { "X-CSRFToken": csrf },
    logLevel: 5,
    requestHandler: function (commit) {
      sequence += 1;
      return { seq: sequence, cmi: commit.cmi || commit };
    },
    xhrResponseHandler: function (xhr) {
      var saved = xhr.status === 200;
      if (xhr.status === 404) {
        status.textContent = status.dataset.elsewhere;
      } else {
        status.textContent = saved ? status.dataset.saved : status.dataset.failed;
      }
      return { result: saved ? "true" : "false", errorCode: saved ? 0 : 101 };
    },
  };
  var scorm12 = config.standard === "scorm12";
  var api = scorm12 ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  api.loadFromJSON(config.runtime, "");

  // Registered before the bridge's own listener: anything not from the
  // package's frame is stopped here.
  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow) {
      event.stopImmediatePropagation();
    }
  });
  new window.CrossFrameLMS(api, "*");

  function finish() {
    if (api.isInitialized() && !api.isTerminated()) {
      if (scorm12) {
        api.LMSFinish("");
      } else {
        api.Terminate("");
      }
    }
  }
  window.addEventListener("pagehide", finish);
  frame.src = config.launchUrl;
})();
