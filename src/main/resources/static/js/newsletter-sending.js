// Newsletter sending progress: the bar is refreshed by htmx every 2 s; screen readers hear a
// summary at a calmer pace (every 15 s, and when the status changes). The buttons reload the page
// after a status change so the right ones are shown; cancel asks first.
(function () {
  'use strict';
  var live = document.getElementById('sending-summary');
  if (!live) { return; }
  var lastStatus = null;
  var lastSpoken = 0;
  function announce(force) {
    var block = document.getElementById('sending-progress');
    if (!block) { return; }
    var source = block.querySelector('.sending-summary-source');
    var status = block.getAttribute('data-status');
    var now = Date.now();
    if (source && (force || status !== lastStatus || now - lastSpoken >= 15000)) {
      live.textContent = source.textContent;
      lastSpoken = now;
    }
    if (lastStatus !== null && status !== lastStatus && (status === 'SENT' || status === 'CANCELLED')) {
      // the buttons no longer apply
      document.querySelectorAll('.newsletter-sending form').forEach(function (f) { f.hidden = true; });
    }
    lastStatus = status;
  }
  document.body.addEventListener('htmx:afterSwap', function () { announce(false); });
  lastStatus = (document.getElementById('sending-progress') || {getAttribute: function () { return null; }}).getAttribute('data-status');
  document.querySelectorAll('form.sending-cancel').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });
}());
