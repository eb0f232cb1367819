// The campaign map: markers of the published public actions drawn on a canvas from the compact map
// data (fast for many thousands), tiles when a tile server is configured (a plain background when not
// or when tiles fail), a refresh every N seconds on a day of action; and the position picker of the
// action forms (click or drag the marker; typing the coordinates moves it).
(function () {
  'use strict';

  function baseMap(element) {
    var map = L.map(element, { preferCanvas: true, worldCopyJump: true }).setView([20, 0], 2);
    var tiles = element.dataset.tileUrl;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: element.dataset.attribution || '' }).addTo(map);
    }
    return map;
  }

  function publicMap(element) {
    var map = baseMap(element);
    var layer = L.layerGroup().addTo(map);
    var listing = document.getElementById('action-listing');
    var etag = null;
    var total = null;
    var first = true;

    function draw(data) {
      layer.clearLayers();
      var base = element.dataset.actionBase;
      var bounds = [];
      data.actions.forEach(function (a) {
        var marker = L.circleMarker([a[1], a[2]], { radius: 6, weight: 1, color: '#0b5394', fillColor: '#3d85c6', fillOpacity: 0.85 });
        marker.bindPopup(function () {
          var box = document.createElement('div');
          var title = document.createElement('strong');
          title.textContent = a[4];
          title.dir = 'auto';
          var link = document.createElement('a');
          link.href = base + a[0];
          link.textContent = element.dataset.details || 'Details';
          box.appendChild(title);
          box.appendChild(document.createElement('br'));
          box.appendChild(link);
          return box;
        });
        layer.addLayer(marker);
        bounds.push([a[1], a[2]]);
      });
      element.dataset.markerCount = String(data.actions.length);
      if (first && bounds.length > 0) {
        map.fitBounds(bounds, { maxZoom: 6, padding: [20, 20] });
      }
      first = false;
    }

    function announce(data) {
      var live = document.getElementById('action-live');
      if (live && element.dataset.liveTemplate) {
        live.textContent = element.dataset.liveTemplate.replace('{0}', data.total);
      }
      var figuresUrl = listing && listing.dataset.figuresUrl;
      if (figuresUrl) {
        fetch(figuresUrl, { headers: { 'Accept': 'text/html' } }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
          var figures = document.getElementById('action-figures');
          if (html && figures) {
            var parsed = new DOMParser().parseFromString(html, 'text/html').getElementById('action-figures');
            if (parsed) { figures.replaceWith(parsed); }
          }
        });
      }
    }

    function load() {
      var url = listing ? listing.dataset.mapUrl : null;
      if (!url) { return; }
      var headers = { 'Accept': 'application/json' };
      if (etag) { headers['If-None-Match'] = etag; }
      fetch(url, { headers: headers, cache: 'no-cache' }).then(function (r) {
        if (r.status === 304 || !r.ok) { return null; }
        etag = r.headers.get('ETag');
        return r.json();
      }).then(function (data) {
        if (!data) { return; }
        draw(data);
        if (total !== null && total !== data.total) { announce(data); }
        total = data.total;
      }).catch(function () { /* the list and figures are on the page regardless */ });
    }

    load();
    document.body.addEventListener('htmx:afterSwap', function () {
      listing = document.getElementById('action-listing');
      etag = null;
      total = null;
      first = true;
      load();
    });
    var seconds = parseInt(element.dataset.refreshSeconds || '0', 10);
    if (seconds > 0) {
      setInterval(load, seconds * 1000);
    }
  }

  function picker(element) {
    var map = baseMap(element);
    var lat = document.getElementById('latitude');
    var lon = document.getElementById('longitude');
    var marker = null;

    function place(latlng, fill) {
      if (!marker) {
        marker = L.marker(latlng, { draggable: true, keyboard: true }).addTo(map);
        marker.on('dragend', function () { place(marker.getLatLng(), true); });
      } else {
        marker.setLatLng(latlng);
      }
      if (fill) {
        lat.value = latlng.lat.toFixed(5);
        lon.value = L.Util.wrapNum(latlng.lng, [-180, 180], true).toFixed(5);
      }
    }

    function fromInputs() {
      var a = parseFloat((lat.value || '').replace(',', '.'));
      var o = parseFloat((lon.value || '').replace(',', '.'));
      if (!isNaN(a) && !isNaN(o) && a >= -90 && a <= 90 && o >= -180 && o <= 180) {
        place(L.latLng(a, o), false);
        return true;
      }
      return false;
    }

    if (fromInputs()) { map.setView(marker.getLatLng(), 10); }
    map.on('click', function (e) { place(e.latlng, true); });
    lat.addEventListener('change', fromInputs);
    lon.addEventListener('change', fromInputs);
  }

  function start() {
    if (typeof L === 'undefined') { return; }
    var element = document.getElementById('action-map');
    if (element) {
      var fallback = element.querySelector('.action-map-fallback');
      if (fallback) { fallback.remove(); }
      publicMap(element);
    }
    var position = document.getElementById('action-position-map');
    if (position) { picker(position); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
