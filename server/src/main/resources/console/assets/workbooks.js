// A workbook's page: its items come again from the server (htmx) when a parameter or the auto-refresh changes, and their
// charts are drawn once they are in place.
(function () {
  "use strict";

  document.addEventListener("htmx:afterSettle", function (event) {
    if (window.vigilCharts && event.target && event.target.id === "wb-items") {
      window.vigilCharts.drawAll(event.target);
    }
  });
})();
