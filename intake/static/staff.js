// Staff pages only enhance with this: every form works without it.
// Selecting text in the redacted narrative or a reply fills the redaction form with it.
(function () {
  "use strict";
  var form = document.getElementById("redaction-form");
  if (!form) { return; }
  var field = form.querySelector("[name=text]");
  var target = form.querySelector("[name=target]");
  document.addEventListener("mouseup", function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) { return; }
    var node = selection.anchorNode && selection.anchorNode.parentElement;
    var source = node && node.closest("[data-redaction-target]");
    if (!source) { return; }
    var text = selection.toString().trim();
    if (!text || text.length > 200) { return; }
    field.value = text;
    target.value = source.getAttribute("data-redaction-target");
    var details = form.closest("details");
    if (details) { details.open = true; }
    var placeholder = /^\[[A-Z_]+( \d+)?\]$/.test(text);
    var kind = form.querySelector("[name=kind][value=" + (placeholder ? "restore" : "redact") + "]");
    if (kind) { kind.checked = true; }
  });
})();
