// A case's place on a map, to look at (the status page, the staff case page): the pin, the wards and the address
// points, and the city's tiles if it has a tile server. Nothing here changes anything; the address stays in the text.
(function () {
  'use strict';
  var el = document.getElementById('case-map');
  if (!el || !window.L) { return; }
  var data = el.dataset;
  var point = L.latLng(parseFloat(data.latitude), parseFloat(data.longitude));
  L.Icon.Default.imagePath = data.images;
  var map = L.map(el, { keyboard: true, zoomSnap: data.tiles ? 1 : 0.25 }).setView(point, 17);
  if (data.tiles) {
    var credit = document.createElement('span');
    credit.textContent = data.attribution || '';
    L.tileLayer(data.tiles, { maxZoom: parseInt(data.maxZoom, 10) || 19, attribution: credit.innerHTML }).addTo(map);
  } else {
    map.attributionControl.setPrefix('');
  }
  fetch(data.layers, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (layers) {
      layers.wards.forEach(function (ward) {
        L.polygon(ward.rings, { interactive: false, color: '#35597f', weight: 2, fillColor: '#dfe9f3', fillOpacity: data.tiles ? 0.15 : 0.7 }).addTo(map);
      });
      layers.addresses.forEach(function (p) {
        L.circleMarker([p.latitude, p.longitude], { radius: 2, weight: 1, color: '#5b6877', fillOpacity: 0.6, interactive: false }).addTo(map);
      });
    })
    .catch(function () { /* the pin alone still shows where */ });
  L.marker(point, { keyboard: false, interactive: false, alt: 'Where it was reported' }).addTo(map);
})();
