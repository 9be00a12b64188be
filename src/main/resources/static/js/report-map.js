// The report page's ward map: a click places the pin and fills in the latitude and longitude fields (which keep
// working on their own, without this script and from the keyboard). Typed coordinates move the pin.
(function () {
  var svg = document.getElementById('ward-map');
  var pin = document.getElementById('pin');
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  var status = document.getElementById('map-status');
  if (!svg || !pin || !lat || !lon) { return; }
  var west = parseFloat(svg.dataset.west), north = parseFloat(svg.dataset.north);
  var unitsLon = parseFloat(svg.dataset.unitsLon), unitsLat = parseFloat(svg.dataset.unitsLat);

  function place(x, y) { pin.setAttribute('cx', x.toFixed(1)); pin.setAttribute('cy', y.toFixed(1)); }

  svg.addEventListener('click', function (event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var p = point.matrixTransform(svg.getScreenCTM().inverse());
    lat.value = (north - p.y / unitsLat).toFixed(6);
    lon.value = (west + p.x / unitsLon).toFixed(6);
    place(p.x, p.y);
    if (status) { status.textContent = 'Pin placed at latitude ' + lat.value + ', longitude ' + lon.value + '.'; }
  });

  function typed() {
    var la = parseFloat(lat.value), lo = parseFloat(lon.value);
    if (!isNaN(la) && !isNaN(lo)) { place((lo - west) * unitsLon, (north - la) * unitsLat); }
  }
  lat.addEventListener('change', typed);
  lon.addEventListener('change', typed);
})();
