// Follow the page's one onward link at once (registration/signing_out.html);
// without JavaScript, the link is there to press.
(function () {
  "use strict";
  var link = document.querySelector("a[data-follow]");
  if (link) {
    window.location.replace(link.href);
  }
})();
