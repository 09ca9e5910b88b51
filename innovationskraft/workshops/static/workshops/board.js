// The board polls with htmx; when a poll fails it says so, and keeps polling until it works.
(function () {
  "use strict";
  var status = document.getElementById("connection");
  if (!status) { return; }
  var lost = status.getAttribute("data-lost") || "";
  document.body.addEventListener("htmx:sendError", function () { status.textContent = lost; });
  document.body.addEventListener("htmx:responseError", function () { status.textContent = lost; });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) { status.textContent = ""; }
  });
})();
