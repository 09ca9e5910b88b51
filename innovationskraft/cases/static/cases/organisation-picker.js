// The organisation picker (cases/organisation_field.py). Without this script the field is a
// text area of names; with it, a combobox after the WAI-ARIA 1.2 pattern (a list that pops up
// as you type, arrow keys to move, Enter to choose, Escape to close) and the chosen
// organisations as a list in the order they were chosen, each with a button to remove it.
(function () {
  "use strict";

  // Fewer letters match too much to be useful; the server says the same (MIN_LENGTH).
  const MIN_LENGTH = 2;
  // Waits for a pause in the typing, so that a word asks the server once, not per letter.
  const DELAY = 250;

  function withName(text, name) {
    return text.replace("%(name)s", name);
  }

  function enhance(root) {
    // A text area for several organisations, a text field for one.
    const fallback = root.querySelector("textarea, input[type=text]");
    const single = "single" in root.dataset;
    const picker = root.querySelector("template[data-picker]").content.cloneNode(true);
    const itemTemplate = root.querySelector("template[data-chosen-item]").content;
    const chosen = picker.querySelector(".organisation-picker-chosen");
    const input = picker.querySelector("[role=combobox]");
    const listbox = picker.querySelector("[role=listbox]");
    const status = picker.querySelector("[role=status]");
    const initial = JSON.parse(document.getElementById(root.dataset.chosen).textContent);
    let active = -1;
    let timer = null;
    let request = null;

    function announce(text) {
      // The same words again are a change too, or a screen reader would not repeat them.
      status.textContent = status.textContent === text ? text + "\u00a0" : text;
    }

    function chosenIds() {
      return Array.from(chosen.querySelectorAll("input[type=hidden]"), (field) => field.value);
    }

    function add(id, name) {
      // One organisation: the one chosen last takes the place of the one before.
      if (single) chosen.replaceChildren();
      const item = itemTemplate.firstElementChild.cloneNode(true);
      item.querySelector(".organisation-picker-name").textContent = name;
      item.querySelector("input[type=hidden]").value = id;
      const button = item.querySelector("button");
      button.querySelector(".visually-hidden").textContent = name;
      button.addEventListener("click", () => remove(item, name));
      chosen.append(item);
      chosen.hidden = false;
    }

    function remove(item, name) {
      const next = item.nextElementSibling || item.previousElementSibling;
      item.remove();
      chosen.hidden = chosen.children.length === 0;
      (next ? next.querySelector("button") : input).focus();
      announce(withName(root.dataset.removed, name));
    }

    function highlight(index) {
      const options = listbox.children;
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      options[index].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function open() {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      highlight(-1);
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function choose(index) {
      const option = listbox.children[index];
      add(option.dataset.id, option.dataset.name);
      input.value = "";
      close();
      listbox.replaceChildren();
      announce(withName(root.dataset.added, option.dataset.name));
      input.focus();
    }

    function option(result, index) {
      const item = document.createElement("li");
      item.id = `${listbox.id}-${index}`;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.id = result.id;
      item.dataset.name = result.name;
      const kind = document.createElement("span");
      kind.className = "organisation-picker-kind";
      kind.textContent = ` (${result.kind})`;
      item.append(result.name, kind);
      item.addEventListener("click", () => choose(index));
      return item;
    }

    async function suggest() {
      const text = input.value.trim();
      if (request) request.abort();
      if (text.length < MIN_LENGTH) {
        close();
        listbox.replaceChildren();
        return;
      }
      request = new AbortController();
      const url = new URL(root.dataset.source, window.location.href);
      url.searchParams.set("q", text);
      for (const id of chosenIds()) url.searchParams.append("exclude", id);
      try {
        const response = await fetch(url, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: request.signal,
        });
        if (!response.ok) throw new Error(String(response.status));
        const body = await response.json();
        close();
        listbox.replaceChildren(...body.results.map(option));
        if (body.results.length) open();
        announce(body.status);
      } catch (error) {
        if (error.name === "AbortError") return;
        close();
        listbox.replaceChildren();
        announce(root.dataset.failed);
      }
    }

    function move(step) {
      const count = listbox.children.length;
      if (!count) return;
      open();
      if (active < 0) highlight(step > 0 ? 0 : count - 1);
      else highlight((active + step + count) % count);
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(suggest, DELAY);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        move(event.key === "ArrowDown" ? 1 : -1);
      } else if (event.key === "Enter") {
        // Enter chooses; and a half-typed name is no reason to send the whole form.
        if (input.value.trim() || active >= 0) event.preventDefault();
        if (!listbox.hidden && active >= 0) choose(active);
      } else if (event.key === "Escape") {
        if (!listbox.hidden) close();
        else input.value = "";
        event.preventDefault();
      }
    });
    input.addEventListener("blur", close);
    // A click on a suggestion must not take the focus from the field before it counts.
    listbox.addEventListener("mousedown", (event) => event.preventDefault());

    input.id = fallback.id;
    for (const name of ["aria-describedby", "aria-invalid"]) {
      if (fallback.hasAttribute(name)) input.setAttribute(name, fallback.getAttribute(name));
    }
    document.getElementById(`${fallback.id}-hint`).textContent = root.dataset.hint;
    for (const organisation of initial) add(organisation.id, organisation.name);
    // Gone from the form, the text area sends no names: the server reads the ids instead.
    fallback.replaceWith(picker);
  }

  document.querySelectorAll("[data-organisation-picker]").forEach(enhance);
})();
