// The "external" ALTCHA build carries no worker of its own (so that none is made from a blob:
// address, which the Content-Security-Policy forbids): this registers the vendored one, whose
// hashed address the template gives in data-worker.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-worker");
  if (!url) return;
  function register() {
    window.$altcha.algorithms.set("PBKDF2/SHA-256", function () {
      return new Worker(url);
    });
  }
  if (window.$altcha) register();
  else customElements.whenDefined("altcha-widget").then(register);
})();
