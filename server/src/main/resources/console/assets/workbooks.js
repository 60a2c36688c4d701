// A workbook's page. A parameter change asks the server for the items that depend on it, which replace theirs in
// place (htmx, out of band); the others stay as they are. A tab sets its parameter in the form instead of loading
// the page again. Charts are drawn once their item is in place, and only those not drawn yet.
(function () {
  "use strict";

  function drawNewCharts() {
    if (!window.vigilCharts || !window.echarts) {
      return;
    }
    document.querySelectorAll("#wb-items [data-chart]").forEach(function (element) {
      if (window.echarts.getInstanceByDom(element)) {
        return;
      }
      try {
        window.vigilCharts.render(element, JSON.parse(element.getAttribute("data-chart")));
      } catch (e) {
        element.textContent = "The chart could not be drawn.";
      }
    });
  }

  document.addEventListener("htmx:afterSettle", drawNewCharts);
  document.addEventListener("htmx:oobAfterSwap", drawNewCharts);

  document.addEventListener("click", function (event) {
    var link = event.target.closest("#wb-items a[data-sets-parameter]");
    var form = document.getElementById("wb-form");
    if (!link || !form || !window.htmx) {
      return;
    }
    var field = form.querySelector("input[data-link-parameter='" + link.getAttribute("data-sets-parameter") + "']");
    if (!field) {
      return;
    }
    event.preventDefault();
    field.value = link.getAttribute("data-value");
    field.dispatchEvent(new Event("change", { bubbles: true }));
  });
})();
