// The Logs page: the Monaco KQL editor (kql-editor.js: highlighting, completion from the workspace's catalog,
// errors underlined as you type), run and cancel with the elapsed time (a query that shows its first rows while it
// still runs counts on until it ends), the result as a table or a chart, query history and saved queries, and a link
// that restores the query. Without this script the page still works with its plain text area.
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

  var results = document.getElementById("results");

  // Whether the shown result's query still runs: its summary then asks the server how far it got.
  function stillRunning() {
    return !!results.querySelector("[data-running]");
  }

  // Stops a query of this page on the server; false if the server no longer runs it (it ended, or waits for a place).
  function stopOnServer(id) {
    return fetch(root.getAttribute("data-queries") + "/" + encodeURIComponent(id), {
      method: "DELETE",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": window.vigilConsole.csrfToken() }
    }).then(function (response) { return response.ok; }, function () { return false; });
  }

  form.addEventListener("htmx:configRequest", function (event) {
    if (event.target !== form) {
      return;
    }
    if (runningId && stillRunning()) {
      // a new run replaces the results of the one still running, which nobody would see any more
      stopOnServer(runningId);
    }
    runningId = newQueryId();
    showTable = false;
    event.detail.parameters.queryId = runningId;
    event.detail.parameters.query = query();
  });

  form.addEventListener("htmx:beforeRequest", function (event) {
    if (event.target !== form) {
      return;
    }
    textarea.value = query();
    inFlight = true;
    started = performance.now();
    elapsed.textContent = "0.0 s";
    window.clearInterval(timer);
    timer = window.setInterval(function () {
      elapsed.textContent = ((performance.now() - started) / 1000).toFixed(1) + " s";
    }, 100);
    cancel.disabled = false;
    window.history.replaceState(null, "", shareHref());
  });

  function finished() {
    inFlight = false;
    window.clearInterval(timer);
    cancel.disabled = true;
    runningId = null;
  }

  var inFlight = false;

  // The run's answer is in place (htmx swaps before this event): done, unless the query still runs.
  form.addEventListener("htmx:afterRequest", function (event) {
    if (event.target !== form) {
      return;
    }
    inFlight = false;
    if (!event.detail.successful || !stillRunning()) {
      finished();
    }
  });

  // An answer to how far the query got is in place: done when nothing runs any more.
  document.addEventListener("htmx:afterSettle", function () {
    if (!inFlight && runningId && !stillRunning()) {
      finished();
    }
    applyView();
  });

  // An answer for a part of the results that is gone (the user paged, sorted or ran again meanwhile) is dropped.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (source && !source.isConnected) {
      event.detail.shouldSwap = false;
    }
  });

  form.addEventListener("htmx:abort", function () {
    finished();
    results.innerHTML = '<p class="muted">Query cancelled.</p>';
  });

  // Cancel stops the query on the server, whose answer to the run (or to the question how far it got) then says
  // so. A query the server does not list (still waiting for a place to run) is let go instead: the server notices
  // the closed connection.
  cancel.addEventListener("click", function () {
    if (!runningId) {
      return;
    }
    var id = runningId;
    cancel.disabled = true;
    stopOnServer(id).then(function (stopped) {
      if (!stopped && runningId === id && !stillRunning()) {
        window.htmx.trigger(form, "htmx:abort");
      }
    });
  });

  // --- the result as a table or a chart ---

  var chartFetches = 0;

  function drawChart() {
    var host = results.querySelector(".result-chart");
    if (!host || !window.vigilCharts || host.getAttribute("data-drawn")) {
      return;
    }
    host.setAttribute("data-drawn", "true");
    var mine = ++chartFetches;
    fetch(host.getAttribute("data-chart-href"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (mine === chartFetches && host.isConnected) {
          window.vigilCharts.render(host, data);
        }
      })
      .catch(function () {
        host.textContent = "The chart could not be drawn; the table shows the rows.";
      });
  }

  // Table or Chart: the choice lasts while the user pages, sorts and filters the same query's rows.
  var showTable = false;

  function applyView() {
    var host = results.querySelector(".result-chart");
    var table = results.querySelector("[data-result-table]");
    if (!host || !table) {
      return;
    }
    results.querySelectorAll("[data-result-view]").forEach(function (button) {
      button.setAttribute("aria-pressed", String((button.getAttribute("data-result-view") === "table") === showTable));
    });
    host.hidden = showTable;
    table.hidden = !showTable;
    if (!showTable) {
      drawChart();
    }
  }

  results.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-result-view]");
    if (toggle) {
      showTable = toggle.getAttribute("data-result-view") === "table";
      applyView();
    }
  });

  // --- history and saved queries ---

  function setQuery(text) {
    if (editor) {
      editor.setValue(text);
      editor.focus();
    } else {
      textarea.value = text;
      textarea.focus();
    }
    refreshShareLink();
  }

  document.addEventListener("click", function (event) {
    var item = event.target.closest("[data-restore-query]");
    if (!item) {
      return;
    }
    setQuery(item.getAttribute("data-restore-query"));
    if (item.hasAttribute("data-restore-timespan")) {
      timespan.value = item.getAttribute("data-restore-timespan");
      refreshShareLink();
    }
    document.querySelectorAll("details.logs-menu[open]").forEach(function (menu) { menu.removeAttribute("open"); });
  });

  var saveName = document.getElementById("save-name");
  var saveButton = document.getElementById("save-button");
  if (saveName && saveButton) {
    // Enter in the name saves; it would otherwise submit the query form around it, which runs the query
    saveName.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        if (!saveButton.disabled) {
          saveButton.click();
        }
      }
    });
    saveButton.addEventListener("htmx:configRequest", function (event) {
      event.detail.parameters.query = query();
    });
    saveButton.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.successful) {
        saveName.value = "";
      }
    });
  }

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
