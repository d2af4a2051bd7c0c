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
  document.querySelectorAll("[data-quick-exit]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      leaving = true;
      window.location.replace(link.href);
    });
  });

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
    receipt.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { saved = true; window.print(); });
    });
    // Saving it as a file or opening the printable page keeps it too; the page stays.
    receipt.querySelectorAll("form[data-saves-receipt]").forEach(function (keep) {
      keep.addEventListener("submit", function () { saved = true; });
    });
    warnBeforeLeaving(function () { return !saved; });
  }
})();
