// The analytics rule wizard: the rule query in the shared Monaco KQL editor (kql-editor.js), and the alert
// enhancement section (entities, custom details, alert details) offered the query's result columns anew
// whenever the query compiles to something new. The form posts through htmx; a refused save comes back as the
// whole form with the error at its field, so the editor starts again over the new form and focus goes to that field.
(function () {
  "use strict";

  var editor = null;

  function start() {
    var root = document.querySelector(".rule-wizard");
    if (!root || !window.vigilKqlEditor) {
      return;
    }
    var textarea = document.getElementById("rule-query");
    var columnsOf = textarea.value;
    window.vigilKqlEditor.create({
      host: document.getElementById("rule-query-editor"),
      textarea: textarea,
      diagnostics: document.getElementById("rule-query-diagnostics"),
      monacoBase: root.getAttribute("data-monaco-base"),
      catalogHref: root.getAttribute("data-catalog"),
      diagnosticsHref: root.getAttribute("data-diagnostics"),
      ariaLabel: "Rule query",
      readOnly: textarea.matches(":disabled"),
      onChecked: function (found, text) {
        var errors = found.filter(function (d) { return d.severity === "error"; });
        if (errors.length === 0 && text !== columnsOf) {
          columnsOf = text;
          window.htmx.trigger(document.getElementById("alert-enhancement"), "query-changed");
        }
      }
    }).then(function (created) {
      editor = created;
    });
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (editor && event.detail.target && event.detail.target.id === "main") {
      editor.dispose();
      editor = null;
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target && event.detail.target.id === "main") {
      start();
      var invalid = document.querySelector("[aria-invalid=true]");
      if (invalid) {
        invalid.focus();
      }
    }
  });

  start();
})();
