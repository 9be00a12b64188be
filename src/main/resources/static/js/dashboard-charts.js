// The public dashboard's charts (Chart.js, from the webjar): each canvas names the table beside it (data-table) and
// the columns it draws (data-columns); the figures are read from the cells' data-value, so the table stays the source
// and a hidden figure ("fewer than 5") is simply not drawn. Without JavaScript the charts stay hidden and the tables
// say it all.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var COLOURS = ['#0b5cad', '#a15c00', '#1e7b3a'];

  function rows(table) {
    return Array.prototype.slice.call(table.tBodies[0].rows);
  }

  function values(table, column) {
    return rows(table).map(function (row) {
      var cell = row.cells[column];
      var value = cell ? cell.getAttribute('data-value') : null;
      return value === null || value === '' ? null : Number(value);
    });
  }

  document.querySelectorAll('canvas[data-table]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var figure = canvas.parentElement;
    var horizontal = canvas.getAttribute('data-horizontal') === 'true';
    var labels = rows(table).map(function (row) { return row.cells[0].textContent.trim(); });
    var columns = canvas.getAttribute('data-columns').split(',').map(Number);
    var head = table.tHead.rows[0].cells;
    var datasets = columns.map(function (column, i) {
      return {
        label: head[column].textContent.trim(),
        data: values(table, column),
        backgroundColor: COLOURS[i % COLOURS.length],
        borderColor: COLOURS[i % COLOURS.length],
        yAxisID: horizontal ? undefined : (i === 0 ? 'y' : 'y1'),
        spanGaps: true
      };
    });
    var scales = horizontal ? { x: { beginAtZero: true } } : { y: { beginAtZero: true, position: 'left' } };
    if (!horizontal && columns.length > 1) {
      scales.y1 = { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } };
    }
    figure.hidden = false;
    if (horizontal) {
      figure.style.height = Math.max(160, labels.length * 28 + 70) + 'px';
    }
    new Chart(canvas, {
      type: canvas.getAttribute('data-type') || 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: scales,
        plugins: { legend: { display: datasets.length > 1 || horizontal === false } }
      }
    });
  });
})();
