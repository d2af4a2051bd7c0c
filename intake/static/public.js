/* Enhancements only: every page works the same without this file.
   Served by the app (CSP script-src 'self'); no inline handlers anywhere. */
(function () {
  "use strict";
  var leaving = false; // set when the reporter chose to go: never hold them back then

  function warnBeforeLeaving(shouldWarn) {
    window.addEventListener("beforeunload", function (event) {
      if (leaving || !shouldWarn()) return;
      event.preventDefault();
      event.returnValue = ""; // browsers show their own text
    });
  }

  // Quick exit: replace this page in the history too, so Back does not return here.
  // Esc leaves too (an open picker or menu takes its own Esc first and never gets here).
  var exit = document.querySelector("[data-quick-exit]");
  function quickExit() {
    leaving = true;
    window.location.replace(exit.href);
  }
  if (exit) {
    exit.addEventListener("click", function (event) {
      event.preventDefault();
      quickExit();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !event.defaultPrevented) quickExit();
    });
    document.querySelectorAll("[data-script-shows]").forEach(function (el) { el.hidden = false; });
  }

  // What the page does itself once the script runs (the state's "show agencies" button).
  document.querySelectorAll("[data-script-hides]").forEach(function (el) { el.hidden = true; });

  // The date hint: say the order this browser's own date picker uses, when it has one.
  var dateInput = document.querySelector("input[type=date][data-date-words]");
  var dateHint = dateInput && document.getElementById(dateInput.id + "-hint");
  if (dateHint && dateInput.type === "date" && window.Intl && Intl.DateTimeFormat) {
    try {
      var words = JSON.parse(dateInput.getAttribute("data-date-words"));
      var format = new Intl.DateTimeFormat(navigator.language, { year: "numeric", month: "2-digit", day: "2-digit" });
      var parts = format.formatToParts(new Date(2025, 2, 31)).filter(function (p) { return words[p.type]; });
      if (parts.length === 3) {
        dateHint.textContent = dateInput.getAttribute("data-date-template")
          .replace("{order}", parts.map(function (p) { return words[p.type]; }).join("/"))
          .replace("{example}", parts.map(function (p) { return p.value; }).join("/"));
      }
    } catch (e) { /* the server's hint stays */ }
  }

  // The agency question: the list of the chosen state, narrowed as the reporter types. Every
  // agency comes once from the server (one small cached request), on the first use.
  var filterBox = document.querySelector("[data-agency-filter]");
  var agencySelect = document.getElementById("agency");
  var stateSelect = document.querySelector("[data-agency-state]");
  if (filterBox && agencySelect && stateSelect && window.fetch) {
    var filterInput = filterBox.querySelector("input");
    var count = filterBox.querySelector("[aria-live]");
    var notSure = agencySelect.querySelector("optgroup");
    var agencies = null;
    var loading = null;
    var stateNames = {};
    Array.prototype.forEach.call(stateSelect.options, function (o) { stateNames[o.value] = o.text; });
    filterBox.hidden = false;
    var fold = function (text) {
      return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    };
    var load = function () {
      if (!loading) {
        loading = fetch(filterBox.getAttribute("data-source"), { credentials: "omit" })
          .then(function (r) { return r.json(); })
          .then(function (data) {
            agencies = data.agencies.map(function (a) { return { id: a[0], state: a[1], label: a[2], folded: fold(a[2]) }; });
          });
      }
      return loading;
    };
    var show = function () {
      if (!agencies) return;
      var state = stateSelect.value;
      var words = fold(filterInput.value).split(/\s+/).filter(Boolean);
      if (!state && !words.length) return; // nothing asked yet: leave the list as served
      var chosen = agencySelect.value;
      var groups = {};
      var shown = 0;
      agencies.forEach(function (a) {
        if (state && a.state !== state) return;
        if (!words.every(function (w) { return a.folded.indexOf(w) !== -1; })) return;
        (groups[a.state] = groups[a.state] || []).push(a);
        shown += 1;
      });
      while (agencySelect.lastChild) agencySelect.removeChild(agencySelect.lastChild);
      if (notSure) agencySelect.appendChild(notSure);
      Object.keys(groups).forEach(function (code) {
        var group = document.createElement("optgroup");
        group.label = stateNames[code] || code;
        groups[code].forEach(function (a) { group.appendChild(new Option(a.label, a.id)); });
        agencySelect.appendChild(group);
      });
      agencySelect.value = chosen;
      if (agencySelect.value !== chosen) agencySelect.selectedIndex = 0;
      // A short list is shown open (no picker to open on a phone); a single match is chosen,
      // unless the reporter had chosen something else already.
      agencySelect.size = words.length && shown > 0 && shown <= 8 ? shown + 2 : 0;
      if (words.length && shown === 1 && agencySelect.value === "unknown") {
        agencySelect.value = agencySelect.querySelector("optgroup:last-child option").value;
      }
      count.textContent = count.getAttribute(shown === 1 ? "data-one" : "data-many").replace("{n}", shown);
    };
    stateSelect.addEventListener("change", function () { load().then(show); });
    filterInput.addEventListener("focus", function () { load(); });
    filterInput.addEventListener("input", function () { load().then(show); });
    // Enter in the box picks nothing and sends nothing: it only narrows the list.
    filterInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); agencySelect.focus(); }
    });
  }

  // Follow-up questions: open their section when the answer makes them apply.
  document.querySelectorAll("[data-opens]").forEach(function (control) {
    var target = document.getElementById(control.getAttribute("data-opens"));
    if (!target) return;
    control.addEventListener("change", function () {
      if (control.value === "yes" || control.value === "unknown" || control.value === "other") {
        if (control.checked !== false) target.open = true;
      }
    });
  });

  // The form: warn before leaving with unsent text; sending is not leaving.
  var form = document.querySelector("form[data-warn-unsent]");
  if (form) {
    var changed = false;
    form.addEventListener("input", function () { changed = true; });
    form.addEventListener("submit", function () { leaving = true; });
    warnBeforeLeaving(function () { return changed; });
  }

  // Switching the language of the confirmation keeps the code on screen: not leaving.
  document.querySelectorAll("form[data-keeps-receipt]").forEach(function (keeps) {
    keeps.addEventListener("submit", function () { leaving = true; });
  });

  // The confirmation: copy and print, and a warning until the code is saved somehow.
  var receipt = document.querySelector("[data-receipt]");
  if (receipt) {
    var saved = false;
    var actions = receipt.querySelector(".receipt-actions");
    var status = receipt.querySelector(".copied");
    if (actions) actions.hidden = false;
    receipt.querySelectorAll("[data-copy]").forEach(function (button) {
      var code = document.getElementById(button.getAttribute("data-copy"));
      if (!code || !navigator.clipboard) { button.hidden = true; return; }
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(code.textContent.trim()).then(function () {
          saved = true;
          if (status) status.textContent = status.getAttribute("data-copied-message");
        });
      });
    });
    // The print button opens the printable page without JavaScript; here it prints in place.
    receipt.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        saved = true;
        window.print();
      });
    });
    // Saving it as a file or opening the printable page keeps it too; the page stays.
    receipt.querySelectorAll("form[data-saves-receipt]").forEach(function (keep) {
      keep.addEventListener("submit", function () { saved = true; });
    });
    warnBeforeLeaving(function () { return !saved; });
  }
})();
