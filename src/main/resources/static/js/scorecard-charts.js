// The scorecards' charts (Chart.js) and the map of open cases by ward (Leaflet), each drawn from the table beside it:
// the table is the figures, for everyone and without script; the chart is a picture of it. A line chart plots every
// row of a table[data-chart="line"] over its columns (the months); a bar chart plots the columns marked data-plot of a
// table[data-chart="bar"] for each row; the map colours each ward by the column data-column of the table data-table.
(function () {
  'use strict';
  var palette = ['#1f4e79', '#b35900', '#2e7d32', '#8e24aa', '#c62828', '#00695c'];

  function number(cell) {
    var raw = cell ? cell.getAttribute('data-value') : null;
    if (raw === null || raw === '') { return null; }
    var n = parseFloat(raw);
    return isNaN(n) ? null : n;
  }

  function text(el) { return el ? el.textContent.trim() : ''; }

  function canvasFor(table) {
    var figure = table.closest('figure');
    var holder = figure ? figure.querySelector('.chart-canvas') : null;
    if (!holder) { return null; }
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', holder.getAttribute('data-label') || '');
    holder.appendChild(canvas);
    return canvas;
  }

  // Counts get whole-number ticks; no animation (the figures are there at once, and nothing moves for those who
  // asked for less motion).
  function options(datasets) {
    var whole = datasets.every(function (d) { return d.data.every(function (v) { return v === null || Math.round(v) === v; }); });
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, ticks: whole ? { precision: 0 } : {} } }
    };
  }

  function line(table) {
    var labels = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1).map(text);
    var datasets = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (row, i) {
      return {
        label: text(row.querySelector('th')),
        data: Array.prototype.map.call(row.querySelectorAll('td'), number),
        borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length],
        spanGaps: true,
        pointRadius: 4,
        tension: 0.2,
        cubicInterpolationMode: 'monotone'
      };
    });
    var canvas = canvasFor(table);
    if (canvas) { new window.Chart(canvas, { type: 'line', data: { labels: labels, datasets: datasets }, options: options(datasets) }); }
  }

  function bar(table) {
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (row) { return text(row.querySelector('th')); });
    var datasets = [];
    heads.forEach(function (th, column) {
      if (!th.hasAttribute('data-plot')) { return; }
      var colour = palette[datasets.length % palette.length];
      datasets.push({
        label: text(th),
        data: rows.map(function (row) { return number(row.children[column]); }),
        backgroundColor: colour,
        borderColor: colour
      });
    });
    var canvas = canvasFor(table);
    if (canvas && datasets.length) {
      new window.Chart(canvas, { type: 'bar', data: { labels: labels, datasets: datasets }, options: options(datasets) });
    }
  }

  function wardMap(el) {
    var table = document.getElementById(el.getAttribute('data-table'));
    if (!table || !window.L) { return; }
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var column = -1;
    heads.forEach(function (th, i) { if (th.getAttribute('data-column') === el.getAttribute('data-column')) { column = i; } });
    if (column < 0) { return; }
    var counts = {};
    var max = 0;
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
      var n = number(row.children[column]) || 0;
      counts[text(row.querySelector('th'))] = n;
      max = Math.max(max, n);
    });
    var map = L.map(el, { keyboard: true, zoomSnap: 0.25, attributionControl: false });
    map.setView([0, 0], 2);
    fetch(el.getAttribute('data-layers'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (layers) {
        var bounds = L.latLngBounds([]);
        layers.wards.forEach(function (ward) {
          var n = counts[ward.name] || 0;
          var shade = max === 0 ? 0.08 : 0.12 + 0.78 * n / max;
          var shape = L.polygon(ward.rings, { interactive: false, color: '#1f4e79', weight: 2, fillColor: '#1f4e79', fillOpacity: shade });
          shape.addTo(map);
          shape.bindTooltip(ward.name + ': ' + n, { permanent: true, direction: 'center', className: 'ward-label', interactive: false });
          bounds.extend(shape.getBounds());
        });
        if (bounds.isValid()) { map.fitBounds(bounds); }
      })
      .catch(function () { el.hidden = true; });
  }

  if (window.Chart) {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-chart="line"]'), line);
    Array.prototype.forEach.call(document.querySelectorAll('table[data-chart="bar"]'), bar);
  }
  Array.prototype.forEach.call(document.querySelectorAll('.ward-map'), wardMap);
})();
