// The report page's map (Leaflet): the city's tiles if it has a tile server, otherwise only its wards and address
// points drawn as vector layers. A click, a drag of the pin, "use my location" or an address chosen from the
// suggestions places the pin and fills in the latitude and longitude; typed coordinates move it. As the pin moves,
// the ward under it and the open reports near it are shown. Without this script the address and coordinate fields
// work on their own; from the keyboard, the map pans with the arrow keys and, on the pin, the arrow keys move the pin.
(function () {
  'use strict';
  var el = document.getElementById('map');
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  if (!el || !lat || !lon || !window.L) { return; }
  var address = document.getElementById('address');
  var suggestions = document.getElementById('address-suggestions');
  var status = document.getElementById('map-status');
  var locate = document.getElementById('use-location');
  var nearby = document.getElementById('nearby');
  var data = el.dataset;

  L.Icon.Default.imagePath = data.images || '/webjars/leaflet/1.9.4/dist/images/';
  // Without tiles nothing is scaled, so the city may fill the map at any zoom; tiles look best at whole levels.
  var map = L.map(el, { keyboard: true, zoomControl: true, attributionControl: true, zoomSnap: data.tiles ? 1 : 0.25 });
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: parseInt(data.maxZoom, 10) || 19, attribution: escapeText(data.attribution || '') }).addTo(map);
  } else {
    map.attributionControl.setPrefix('');
  }
  map.setView([0, 0], 2);

  var marker = null;

  function say(sentence) { if (status) { status.textContent = sentence; } }
  // The page gives the script's sentences in its language (fragments/map-texts.html); English if it does not.
  var texts = {};
  document.querySelectorAll('#map-texts [data-key]').forEach(function (span) { texts[span.getAttribute('data-key')] = span.textContent; });
  function text(key, english) { return texts[key] || english; }

  function escapeText(text) {
    var span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }

  function fixed(value) { return (Math.round(value * 1e6) / 1e6).toFixed(6); }

  function ensureMarker(latlng) {
    if (marker) { marker.setLatLng(latlng); return; }
    marker = L.marker(latlng, { draggable: true, keyboard: true, autoPan: true, title: text('pinTitle', 'The pin: drag it, or use the arrow keys, to adjust'), alt: text('pinAlt', 'Pin where the problem is') });
    marker.addTo(map);
    marker.on('dragend', function () { place(marker.getLatLng(), text('moved', 'Pin moved to'), false); });
    var icon = marker.getElement();
    if (icon) {
      icon.addEventListener('keydown', function (event) {
        var step = 8; // screen pixels per key press: a few metres at street level
        var moves = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
        var move = moves[event.key];
        if (!move) { return; }
        event.preventDefault();
        event.stopPropagation();
        var point = map.latLngToContainerPoint(marker.getLatLng()).add(L.point(move[0], move[1]));
        place(map.containerPointToLatLng(point), text('moved', 'Pin moved to'), false);
      });
    }
  }

  // Places the pin, fills in the coordinates, says so, and asks which ward it is in and what is reported near it.
  function place(latlng, why, recentre) {
    ensureMarker(latlng);
    lat.value = fixed(latlng.lat);
    lon.value = fixed(latlng.lng);
    if (recentre) { map.setView(latlng, Math.max(map.getZoom(), 17)); }
    say(why + ' ' + text('latitude', 'latitude') + ' ' + lat.value + ', ' + text('longitude', 'longitude') + ' ' + lon.value + '.');
    lookAround(why);
  }

  var asked = 0;
  function lookAround(why) {
    if (!data.nearby) { return; }
    var mine = ++asked;
    var url = data.nearby + '?latitude=' + encodeURIComponent(lat.value) + '&longitude=' + encodeURIComponent(lon.value);
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        if (!answer || mine !== asked) { return; }
        var where = answer.ward ? ', ' + text('inWard', 'in') + ' ' + answer.ward : (answer.inCity ? '' : ': ' + text('outside', 'this place is outside the city'));
        say(why + ' ' + text('latitude', 'latitude') + ' ' + lat.value + ', ' + text('longitude', 'longitude') + ' ' + lon.value + where + '.');
        showNearby(answer);
      })
      .catch(function () { /* the coordinates are filled in; the list just does not update */ });
  }

  function showNearby(answer) {
    if (!nearby) { return; }
    var list = document.getElementById('nearby-list');
    var none = document.getElementById('nearby-none');
    var intro = document.getElementById('nearby-intro');
    var radius = nearby.querySelector('.nearby-radius');
    if (radius) { radius.textContent = String(answer.radiusMetres); }
    while (list.firstChild) { list.removeChild(list.firstChild); }
    answer.reports.forEach(function (n) {
      var li = document.createElement('li');
      li.className = 'nearby-item';
      var what = document.createElement('span');
      what.className = 'nearby-what';
      what.appendChild(document.createTextNode(n.service + ', ' + n.metres + ' ' + text('away', 'm away, reported') + ' ' + n.reportedOn + ': '));
      var badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = n.status;
      what.appendChild(badge);
      li.appendChild(what);
      var ref = document.createElement('a');
      ref.href = n.statusPath;
      ref.textContent = n.reference;
      li.appendChild(ref);
      var follow = document.createElement('a');
      follow.className = 'button';
      follow.href = data.follow + encodeURIComponent(n.reference);
      follow.appendChild(document.createTextNode(text('follow', 'Add me to it')));
      var hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = ' (' + n.reference + ')';
      follow.appendChild(hidden);
      li.appendChild(follow);
      list.appendChild(li);
    });
    var some = answer.reports.length > 0;
    nearby.hidden = !answer.inCity;
    none.hidden = some;
    intro.hidden = !some;
  }

  // The wards and the address points, from OneStop itself: the map is useful with no tile server at all.
  fetch(data.layers, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (layers) {
      var bounds = L.latLngBounds([]);
      layers.wards.forEach(function (ward) {
        var shape = L.polygon(ward.rings, { interactive: false, color: '#35597f', weight: 2, fillColor: '#dfe9f3', fillOpacity: data.tiles ? 0.15 : 0.7 });
        shape.addTo(map);
        shape.bindTooltip(ward.name, { permanent: true, direction: 'center', className: 'ward-label', interactive: false });
        bounds.extend(shape.getBounds());
      });
      var points = L.layerGroup();
      layers.addresses.forEach(function (p) {
        L.circleMarker([p.latitude, p.longitude], { radius: 2, weight: 1, color: '#5b6877', fillOpacity: 0.6, interactive: false }).addTo(points);
        if (!layers.wards.length) { bounds.extend([p.latitude, p.longitude]); }
      });
      // The address points help at street level; further out they only clutter the wards.
      var showPoints = function () {
        if (map.getZoom() >= 14) { points.addTo(map); } else { points.remove(); }
      };
      map.on('zoomend', showPoints);
      showPoints();
      if (marker) {
        map.setView(marker.getLatLng(), 17);
      } else if (bounds.isValid()) {
        map.fitBounds(bounds);
      }
    })
    .catch(function () { say(text('failed', 'The map could not be drawn: give the address, or the latitude and longitude.')); });

  map.on('click', function (event) { place(event.latlng, text('placed', 'Pin placed at'), false); });

  function typed() {
    var la = parseFloat(lat.value.replace(',', '.')), lo = parseFloat(lon.value.replace(',', '.'));
    if (!isNaN(la) && !isNaN(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180) {
      place(L.latLng(la, lo), text('placed', 'Pin placed at'), true);
    }
  }
  lat.addEventListener('change', typed);
  lon.addEventListener('change', typed);

  // Address suggestions from the city's address register (into the page's own list, where it has one); choosing one
  // moves the pin there.
  if (address && data.addresses) {
    var known = {};
    var timer = null;
    var placedFor = null;
    var chosen = function () {
      var point = known[address.value];
      if (point && placedFor !== address.value) {
        placedFor = address.value;
        place(L.latLng(point.latitude, point.longitude), text('placed', text('placed', 'Pin placed at')) + ' ' + point.address + ':', true);
      }
    };
    address.addEventListener('input', function () {
      chosen();
      clearTimeout(timer);
      var q = address.value.trim();
      if (q.length < 2) { return; }
      timer = setTimeout(function () {
        fetch(data.addresses + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (points) {
            if (suggestions) {
              while (suggestions.firstChild) { suggestions.removeChild(suggestions.firstChild); }
            }
            points.forEach(function (p) {
              known[p.address] = p;
              if (suggestions) {
                var option = document.createElement('option');
                option.value = p.address;
                suggestions.appendChild(option);
              }
            });
            chosen();
          })
          .catch(function () { /* suggestions are a help, not a need */ });
      }, 200);
    });
    address.addEventListener('change', chosen);
  }

  // "Use my location": the browser asks the resident first; nothing is sent anywhere but into the form.
  if (locate && 'geolocation' in navigator) {
    locate.hidden = false;
    locate.addEventListener('click', function () {
      say(text('finding', 'Finding where you are…'));
      navigator.geolocation.getCurrentPosition(function (position) {
        place(L.latLng(position.coords.latitude, position.coords.longitude), text('placedHere', 'Pin placed where you are:'), true);
      }, function () {
        say(text('notFound', 'We could not find where you are. Give the address, or click the map.'));
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  // Coordinates already in the form (after a correction, or from the address check) put the pin back.
  var la0 = parseFloat(lat.value), lo0 = parseFloat(lon.value);
  if (!isNaN(la0) && !isNaN(lo0) && Math.abs(la0) <= 90 && Math.abs(lo0) <= 180) {
    ensureMarker(L.latLng(la0, lo0));
    map.setView([la0, lo0], 17);
    say(text('pinAt', 'Pin at') + ' ' + text('latitude', 'latitude') + ' ' + lat.value + ', ' + text('longitude', 'longitude') + ' ' + lon.value + '.');
    lookAround(text('pinAt', 'Pin at'));
  }
})();
