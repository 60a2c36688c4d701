// The Logs page: the Monaco KQL editor (kql-editor.js: highlighting, completion from the workspace's catalog,
// errors underlined as you type), run and cancel with the elapsed time, and a link that restores the query.
// Without this script the page still works with its plain text area.
(function () {
  "use strict";

  var root = document.querySelector(".logs");
  if (!root) {
    return;
  }
  var form = document.getElementById("query-form");
  var textarea = document.getElementById("query-text");
  var timespan = document.getElementById("timespan");
  var cancel = document.getElementById("cancel-button");
  var elapsed = document.getElementById("elapsed");
  var share = document.getElementById("share-link");
  var diagnostics = document.getElementById("query-diagnostics");
  var editor = null;

  function query() {
    return editor ? editor.getValue() : textarea.value;
  }

  function shareHref() {
    var params = new URLSearchParams();
    params.set("query", query());
    params.set("timespan", timespan.value);
    return window.location.pathname + "?" + params.toString();
  }

  function refreshShareLink() {
    share.setAttribute("href", shareHref());
  }

  // --- run, cancel, elapsed time ---

  var timer = null;
  var started = 0;
  var runningId = null;

  // The query's id, chosen here so that Cancel can name it while the server runs it. getRandomValues, not
  // randomUUID: the latter exists only on https or localhost pages.
  function newQueryId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  form.addEventListener("htmx:configRequest", function (event) {
    if (event.target !== form) {
      return;
    }
    runningId = newQueryId();
    event.detail.parameters.queryId = runningId;
    event.detail.parameters.query = query();
  });

  form.addEventListener("htmx:beforeRequest", function (event) {
    if (event.target !== form) {
      return;
    }
    textarea.value = query();
    started = performance.now();
    elapsed.textContent = "0.0 s";
    timer = window.setInterval(function () {
      elapsed.textContent = ((performance.now() - started) / 1000).toFixed(1) + " s";
    }, 100);
    cancel.disabled = false;
    window.history.replaceState(null, "", shareHref());
  });

  function finished() {
    window.clearInterval(timer);
    cancel.disabled = true;
    runningId = null;
  }

  form.addEventListener("htmx:afterRequest", function (event) {
    if (event.target === form) {
      finished();
    }
  });

  form.addEventListener("htmx:abort", function () {
    finished();
    document.getElementById("results").innerHTML = '<p class="muted">Query cancelled.</p>';
  });

  // Cancel stops the query on the server, whose answer to the run then says so. A query the server does not
  // list (still waiting for a place to run) is let go instead: the server notices the closed connection.
  cancel.addEventListener("click", function () {
    if (!runningId) {
      return;
    }
    var id = runningId;
    cancel.disabled = true;
    function letGo() {
      if (runningId === id) {
        window.htmx.trigger(form, "htmx:abort");
      }
    }
    fetch(root.getAttribute("data-queries") + "/" + encodeURIComponent(id), {
      method: "DELETE",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": window.vigilConsole.csrfToken() }
    }).then(function (response) {
      if (!response.ok) {
        letGo();
      }
    }, letGo);
  });

  textarea.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.shiftKey) {
      event.preventDefault();
      window.htmx.trigger(form, "submit");
    }
  });
  textarea.addEventListener("input", refreshShareLink);
  timespan.addEventListener("change", refreshShareLink);
  refreshShareLink();

  // --- the editor (kql-editor.js) ---

  if (!window.vigilKqlEditor) {
    return;
  }
  window.vigilKqlEditor.create({
    host: document.getElementById("editor"),
    textarea: textarea,
    diagnostics: diagnostics,
    monacoBase: root.getAttribute("data-monaco-base"),
    catalogHref: root.getAttribute("data-catalog"),
    diagnosticsHref: root.getAttribute("data-diagnostics"),
    ariaLabel: "KQL query. Shift+Enter runs it.",
    onChange: refreshShareLink,
    onRun: function () { window.htmx.trigger(form, "submit"); }
  }).then(function (created) {
    if (!created) {
      return;
    }
    editor = created;
    document.querySelectorAll("[data-insert]").forEach(function (item) {
      item.addEventListener("click", function (event) {
        event.preventDefault();
        editor.executeEdits("schema", [{ range: editor.getSelection(), text: item.getAttribute("data-insert") }]);
        editor.focus();
      });
    });
  });
})();
