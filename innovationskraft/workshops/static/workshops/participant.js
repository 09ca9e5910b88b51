// Sends contributions without reloading the page, and never loses one: a contribution that
// cannot be sent now waits in this phone's storage and is sent again, with the same key, so
// the server stores it once however often it arrives.
(function () {
  "use strict";
  var page = document.querySelector("[data-participant-page]");
  if (!page) { return; }
  var status = document.getElementById("status");
  var outbox = document.getElementById("outbox");
  var storageKey = "innovationskraft.outbox." + location.pathname;
  var texts = {
    sent: page.getAttribute("data-sent"),
    queued: page.getAttribute("data-queued"),
    failed: page.getAttribute("data-failed")
  };

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(storageKey) || "[]"); } catch (e) { return []; }
  }
  function save(items) {
    try { localStorage.setItem(storageKey, JSON.stringify(items)); } catch (e) { /* private mode */ }
    showOutbox(items);
  }
  function showOutbox(items) {
    var list = outbox.querySelector("ul");
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = item.text;
      list.appendChild(li);
    });
    outbox.hidden = items.length === 0;
  }
  function say(message, isError) {
    status.classList.toggle("is-error", Boolean(isError));
    status.textContent = message || "";
  }
  function replaceMine(html) {
    var mine = document.getElementById("mina");
    if (!mine || !html) { return; }
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var fresh = holder.querySelector("#mina");
    if (fresh) { mine.replaceWith(fresh); }
  }
  function post(form, item) {
    var data = new FormData(form);
    data.set("prompt", item.prompt);
    data.set("text", item.text);
    data.set("client_key", item.key);
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    });
  }
  function handle(response) {
    return response.text().then(function (html) {
      return { ok: response.ok, status: response.status, html: html,
               message: response.headers.get("X-Message") || "" };
    });
  }
  function decode(message) {
    var area = document.createElement("textarea");
    area.innerHTML = message;
    return area.value;
  }

  var sending = false;
  function flush() {
    var items = load();
    if (sending || items.length === 0) { return; }
    var form = page.querySelector("form[data-contribute]");
    if (!form) { return; }  // a locked workshop's page has none: send once it goes on
    sending = true;
    post(form, items[0]).then(handle).then(function (answer) {
      sending = false;
      if (answer.ok) {
        save(load().slice(1));
        replaceMine(answer.html);
        say(texts.sent, false);
        flush();
      } else if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) {
        // Refused for good (the workshop closed, say): keep it visible, stop retrying it.
        save(load().slice(1));
        say(decode(answer.message) || texts.failed, true);
      }
    }).catch(function () { sending = false; });
  }

  page.querySelectorAll("form[data-contribute]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var field = form.querySelector("textarea");
      var text = field.value.trim();
      if (!text) { field.focus(); return; }
      var item = { prompt: form.querySelector("[name=prompt]").value, text: text, key: newKey() };
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      post(form, item).then(handle).then(function (answer) {
        button.disabled = false;
        if (answer.ok) {
          field.value = "";
          replaceMine(answer.html);
          say(texts.sent, false);
          field.focus();
        } else {
          // Too long, too fast, or closed: the text stays in the field with the reason.
          say(decode(answer.message) || texts.failed, true);
          field.focus();
        }
      }).catch(function () {
        // No connection: keep it on the phone and send it when the network is back.
        button.disabled = false;
        save(load().concat([item]));
        field.value = "";
        say(texts.queued, true);
      });
    });
  });

  // A locked page has no fields to type in, so nothing is lost by loading it again when the
  // voting panel's poll finds the workshop going on.
  document.body.addEventListener("htmx:afterSwap", function () {
    var panel = document.getElementById("rosta");
    if (!panel) { return; }
    if (page.getAttribute("data-locked") && !panel.getAttribute("data-locked")) {
      location.reload();
      return;
    }
    // A round that opened while the page was open moves above the questions, where the page
    // puts an open round; the focus stays where it was.
    var first = page.querySelector("form[data-contribute]");
    if (panel.hasAttribute("data-open") && first &&
        (first.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING)) {
      first.parentNode.insertBefore(panel, first);
    }
  });

  showOutbox(load());
  window.addEventListener("online", flush);
  setInterval(flush, 5000);
  flush();
  // Until here a form sends the ordinary way (a page load); from here without one.
  page.setAttribute("data-ready", "");
})();
