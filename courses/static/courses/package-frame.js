// Injected first into each page of a package (courses/packages/views.py): the
// SCORM API the package looks for, answered by the player page's runtime.
// The saved data is seeded so that what the package reads right after
// Initialize (its bookmark, its suspend data) is there at once.
(function () {
  "use strict";
  var api = new window.CrossFrameAPI("*", window.top);
  var seed = JSON.parse(document.getElementById("lms-runtime-seed").textContent);
  Object.keys(seed).forEach(function (key) {
    api._cache.set(key, seed[key]);
  });
  window.API = api;
  window.API_1484_11 = api;
})();
