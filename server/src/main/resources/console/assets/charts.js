// The console's charts, drawn with Apache ECharts: a query result's columns and rows (ChartData on the server) as the
// chart its `render` asked for. The Logs page draws its results with window.vigilCharts.render; any element with a
// data-chart attribute (the home page's hourly flow) is drawn from that JSON when the page loads. Charts follow the
// light and dark theme. Tooltips are drawn on the canvas (richText), not as HTML: HTML tooltips carry style attributes,
// which the console's Content-Security-Policy refuses.
(function () {
  "use strict";

  var NUMERIC = ["int", "long", "real", "decimal"];
  var MAX_SERIES = 40;
  var drawn = [];

  function isDark() {
    return window.vigilConsole && window.vigilConsole.currentTheme() === "dark";
  }

  function indexes(columns, test) {
    var found = [];
    columns.forEach(function (column, i) {
      if (test(column, i)) {
        found.push(i);
      }
    });
    return found;
  }

  function numeric(column) {
    return NUMERIC.indexOf(column.type) >= 0;
  }

  function number(value) {
    if (value === null || value === undefined || value === "") {
      return null;
    }
    var n = Number(value);
    return isNaN(n) ? null : n;
  }

  // Which column runs along the x axis: a timechart's first datetime column, otherwise the first column
  // (Kusto's rule), or for a piechart the first column that is not a number.
  function xColumn(data) {
    var columns = data.columns;
    if (data.kind === "timechart") {
      var times = indexes(columns, function (c) { return c.type === "datetime"; });
      if (times.length) {
        return times[0];
      }
    }
    if (data.kind === "piechart") {
      var labels = indexes(columns, function (c) { return !numeric(c); });
      return labels.length ? labels[0] : 0;
    }
    return 0;
  }

  function axisType(column) {
    if (column.type === "datetime") {
      return "time";
    }
    return numeric(column) ? "value" : "category";
  }

  function xValue(value, type) {
    if (type === "time") {
      return value === null ? null : Date.parse(value);
    }
    if (type === "value") {
      return number(value);
    }
    return value === null ? "" : String(value);
  }

  // The series: one per numeric column, split by the first text column when there is one (Kusto's rule for
  // "summarize count() by bin(TimeGenerated, 1h), Category").
  function seriesOf(data, x, type) {
    var columns = data.columns;
    var ys = indexes(columns, function (c, i) { return numeric(c) && i !== x; });
    var splits = indexes(columns, function (c) { return !numeric(c) && c.type !== "datetime" && c.type !== "dynamic"; })
      .filter(function (i) { return i !== x; });
    var split = splits.length ? splits[0] : -1;
    var byName = {};
    var order = [];
    data.rows.forEach(function (row) {
      ys.forEach(function (y) {
        var name = split >= 0 ? String(row[split] === null ? "" : row[split]) : columns[y].name;
        if (split >= 0 && ys.length > 1) {
          name = name + " · " + columns[y].name;
        }
        if (!byName[name]) {
          if (order.length >= MAX_SERIES) {
            return;
          }
          byName[name] = [];
          order.push(name);
        }
        byName[name].push([xValue(row[x], type), number(row[y])]);
      });
    });
    return order.map(function (name) {
      var points = byName[name];
      if (type !== "category") {
        points.sort(function (a, b) { return a[0] - b[0]; });
      }
      return { name: name, points: points };
    });
  }

  function options(data) {
    var base = {
      backgroundColor: "transparent",
      animation: false,
      textStyle: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" },
      tooltip: { renderMode: "richText", confine: true }
    };
    if (data.title) {
      base.title = { text: data.title, left: 0, top: 0, textStyle: { fontSize: 12, fontWeight: "normal" } };
    }
    if (data.kind === "map") {
      return mapOptions(data, base);
    }
    var x = xColumn(data);
    if (data.kind === "piechart") {
      var values = indexes(data.columns, numeric).filter(function (i) { return i !== x; });
      var value = values.length ? values[0] : -1;
      base.tooltip.trigger = "item";
      base.legend = { type: "scroll", orient: "vertical", left: 0, top: 16 };
      base.series = [{
        type: "pie", radius: ["35%", "70%"], center: ["60%", "55%"],
        data: data.rows.slice(0, 500).map(function (row) {
          return { name: String(row[x] === null ? "" : row[x]), value: value >= 0 ? number(row[value]) : 1 };
        })
      }];
      return base;
    }
    var type = axisType(data.columns[x]);
    var series = seriesOf(data, x, type);
    var horizontal = data.kind === "barchart";
    var chartType = { columnchart: "bar", barchart: "bar", scatterchart: "scatter" }[data.kind] || "line";
    base.tooltip.trigger = chartType === "scatter" ? "item" : "axis";
    base.grid = { left: 8, right: 16, top: data.title || series.length > 1 ? 36 : 12, bottom: 8, containLabel: true };
    if (series.length > 1) {
      base.legend = { type: "scroll", top: data.title ? 18 : 0 };
    }
    var categoryAxis = { type: type };
    var valueAxis = { type: "value", scale: chartType === "scatter" };
    // counts are whole: no 0.2-step ticks on a chart of zeros and ones
    var whole = series.every(function (s) {
      return s.points.every(function (p) { return p[1] === null || Number.isInteger(Number(p[1])); });
    });
    if (whole) {
      valueAxis.minInterval = 1;
    }
    base.xAxis = horizontal ? valueAxis : categoryAxis;
    base.yAxis = horizontal ? categoryAxis : valueAxis;
    base.series = series.map(function (s) {
      var one = {
        name: s.name, type: chartType,
        data: horizontal ? s.points.map(function (p) { return [p[1], p[0]]; }) : s.points,
        showSymbol: chartType === "scatter" || s.points.length < 60
      };
      if (data.kind === "areachart") {
        one.areaStyle = { opacity: 0.35 };
      }
      return one;
    });
    if (!series.length) {
      // an empty result has no series either: say which of the two it is
      var why = data.rows.length ? "Nothing to draw: the result has no numeric column." : "No rows: nothing to draw.";
      base.title = { text: why, left: "center", top: "middle", textStyle: { fontSize: 13 } };
    }
    return base;
  }

  // A workbook's map (MapData on the server): points on a longitude/latitude plane, sized and coloured by their
  // columns. No map outlines: those would be map data downloaded from elsewhere.
  var MAP_PALETTES = {
    greenRed: ["#2e9e5b", "#e8c33a", "#d1453b"], redGreen: ["#d1453b", "#e8c33a", "#2e9e5b"],
    coldHot: ["#3a78c9", "#e8c33a", "#d1453b"], hotCold: ["#d1453b", "#e8c33a", "#3a78c9"],
    yellowOrangeRed: ["#e8c33a", "#e8843a", "#d1453b"], yellowGreenBlue: ["#e8c33a", "#2e9e5b", "#3a78c9"]
  };

  function mapOptions(data, base) {
    var sizes = data.points.map(function (p) { return p.size; }).filter(function (v) { return v !== null; });
    var largest = sizes.length ? Math.max.apply(null, sizes.map(Math.abs)) : 0;
    var colors = data.points.map(function (p) { return p.color; }).filter(function (v) { return v !== null; });
    base.tooltip.trigger = "item";
    base.tooltip.formatter = function (item) {
      var p = data.points[item.dataIndex];
      var text = p.name + "\n" + p.lat + ", " + p.lon;
      if (data.sizeLabel && p.size !== null) {
        text += "\n" + data.sizeLabel + ": " + p.size;
      }
      if (data.colorLabel && p.color !== null && data.colorLabel !== data.sizeLabel) {
        text += "\n" + data.colorLabel + ": " + p.color;
      }
      return text;
    };
    // room outside the labels for the axes' names, which containLabel leaves out
    base.grid = { left: 30, right: colors.length ? 64 : 16, top: 12, bottom: 28, containLabel: true };
    base.xAxis = { type: "value", min: -180, max: 180, interval: 60, name: "longitude", nameLocation: "middle", nameGap: 22 };
    base.yAxis = { type: "value", min: -90, max: 90, interval: 30, name: "latitude", nameLocation: "middle", nameGap: 30 };
    base.series = [{
      type: "scatter",
      data: data.points.map(function (p) { return [p.lon, p.lat, p.color === null ? 0 : p.color]; }),
      symbolSize: function (value, params) {
        var p = data.points[params.dataIndex];
        // the radius grows with the square root of the value, as Sentinel's maps draw it
        return p.size === null || !largest ? 10 : 6 + 24 * Math.sqrt(Math.abs(p.size) / largest);
      },
      itemStyle: { opacity: 0.8 }
    }];
    if (colors.length) {
      base.visualMap = {
        type: "continuous", dimension: 2, min: Math.min.apply(null, colors), max: Math.max.apply(null, colors),
        right: 0, top: "middle", itemHeight: 100, text: [data.colorLabel, ""], calculable: false,
        inRange: { color: MAP_PALETTES[data.palette] || MAP_PALETTES.greenRed }
      };
    }
    if (!data.points.length) {
      base.title = { text: "No rows with a latitude and longitude: nothing to draw.", left: "center", top: "middle", textStyle: { fontSize: 13 } };
    }
    return base;
  }

  function draw(entry) {
    var old = window.echarts.getInstanceByDom(entry.element);
    if (old) {
      old.dispose();
    }
    var chart = window.echarts.init(entry.element, isDark() ? "dark" : null, { renderer: "canvas" });
    chart.setOption(options(entry.data));
    return chart;
  }

  // Draws the data into the element, and again when the theme changes; charts of elements gone from the page are let go.
  function render(element, data) {
    drawn = drawn.filter(function (entry) {
      if (entry.element.isConnected && entry.element !== element) {
        return true;
      }
      var chart = window.echarts.getInstanceByDom(entry.element);
      if (chart) {
        chart.dispose();
      }
      if (entry.observer) {
        entry.observer.disconnect();
      }
      return false;
    });
    var entry = { element: element, data: data, observer: null };
    var chart = draw(entry);
    if (window.ResizeObserver) {
      // resized in the next frame, not inside the observer's callback: a canvas resized there can trip the
      // browser's "ResizeObserver loop" error
      entry.observer = new ResizeObserver(function () {
        window.requestAnimationFrame(function () {
          var current = window.echarts.getInstanceByDom(element);
          if (current) {
            current.resize();
          }
        });
      });
      entry.observer.observe(element);
    }
    drawn.push(entry);
    return chart;
  }

  document.addEventListener("vigil:theme", function () {
    drawn.forEach(function (entry) {
      if (entry.element.isConnected) {
        draw(entry);
      }
    });
  });

  // drawAll: the data-chart elements under a root, for pages that replace their content (a workbook's items)
  window.vigilCharts = { render: render, drawAll: drawDeclared };

  function drawDeclared(root) {
    if (!window.echarts) {
      return;
    }
    (root && root.querySelectorAll ? root : document).querySelectorAll("[data-chart]").forEach(function (element) {
      try {
        render(element, JSON.parse(element.getAttribute("data-chart")));
      } catch (e) {
        element.textContent = "The chart could not be drawn.";
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawDeclared);
  } else {
    drawDeclared();
  }
})();
