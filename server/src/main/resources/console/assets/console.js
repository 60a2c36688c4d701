// The console's behaviour on every page: the CSRF token on htmx requests, the theme switch,
// signing out, and failures of htmx requests shown in the alert area.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function showAlert(message) {
    var alert = document.getElementById("console-alert");
    if (!alert) {
      return;
    }
    alert.textContent = message;
    alert.hidden = false;
    window.clearTimeout(showAlert.timer);
    showAlert.timer = window.setTimeout(function () { alert.hidden = true; }, 8000);
  }

  window.vigilConsole = { csrfToken: csrfToken, showAlert: showAlert };

  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = csrfToken();
  });

  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.getResponseHeader("HX-Redirect")) {
      return;
    }
    showAlert(xhr.responseText || ("The request failed (" + xhr.status + ")."));
  });

  document.addEventListener("htmx:sendError", function () {
    showAlert("The server cannot be reached. Check that Vigil is running, then try again.");
  });

  function currentTheme() {
    return document.documentElement.getAttribute("data-theme") === "dark" ? "dark" : "light";
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-theme-toggle]");
    if (toggle) {
      var next = currentTheme() === "dark" ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      try {
        window.localStorage.setItem("vigil-theme", next);
      } catch (e) {
        // the choice lasts for this page only
      }
      document.dispatchEvent(new CustomEvent("vigil:theme", { detail: next }));
      return;
    }
    var signOut = event.target.closest("[data-sign-out]");
    if (signOut) {
      signOut.disabled = true;
      fetch("/api/session", { method: "DELETE", headers: { "X-CSRF-Token": csrfToken() }, credentials: "same-origin" })
        .finally(function () {
          window.location.assign(signOut.getAttribute("data-sign-in-href") + "?signedOut");
        });
    }
  });

  // Escape closes an open menu and gives focus back to its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      menu.removeAttribute("open");
      menu.querySelector("summary").focus();
    });
  });

  // A click outside an open menu closes it.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.removeAttribute("open");
      }
    });
  });

  // --- incident queue: the selection of rows for bulk actions, kept when the live table is sent again ---
  var selectedIncidents = {};

  function syncIncidentSelection() {
    var boxes = document.querySelectorAll("input.incident-select");
    var kept = {};
    var shown = 0;
    boxes.forEach(function (box) {
      box.checked = selectedIncidents[box.value] === true;
      if (box.checked) {
        kept[box.value] = true;
        shown++;
      }
    });
    // an incident that left the table (closed by someone, filtered out) is no longer selected
    selectedIncidents = kept;
    var all = document.querySelector("input.incident-select-all");
    if (all) {
      all.checked = boxes.length > 0 && shown === boxes.length;
    }
    var count = document.querySelector("[data-testid=selected-count]");
    if (count) {
      count.textContent = shown === 0 ? "(none selected)" : "(" + shown + " selected)";
    }
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.matches("input.incident-select")) {
      if (box.checked) {
        selectedIncidents[box.value] = true;
      } else {
        delete selectedIncidents[box.value];
      }
    } else if (box.matches("input.incident-select-all")) {
      document.querySelectorAll("input.incident-select").forEach(function (row) {
        if (box.checked) {
          selectedIncidents[row.value] = true;
        } else {
          delete selectedIncidents[row.value];
        }
      });
    } else {
      return;
    }
    syncIncidentSelection();
  });

  // the table comes again after a bulk action and from the live stream: the rows still shown stay selected
  document.addEventListener("htmx:load", syncIncidentSelection);
  document.addEventListener("htmx:sseMessage", syncIncidentSelection);

  window.vigilConsole.currentTheme = currentTheme;
})();
