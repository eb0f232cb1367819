// The waiting page of a join link: counts down to the opening (the server says how many seconds
// are left, so a wrong clock on the reader's device does not matter), then reloads, and the
// server lets the registrant in. Also shows the opening time in the reader's own time zone.
(function () {
  'use strict';
  var lang = document.documentElement.lang || undefined;

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function format(seconds) {
    var days = Math.floor(seconds / 86400);
    var rest = seconds % 86400;
    var clock = Math.floor(rest / 3600) + ':' + two(Math.floor(rest % 3600 / 60)) + ':' + two(rest % 60);
    if (days === 0) {
      return clock;
    }
    var dayText;
    try {
      dayText = new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days);
    } catch (e) {
      dayText = days + ' d';
    }
    return dayText + ' ' + clock;
  }

  function countdown(el) {
    var total = parseInt(el.dataset.seconds, 10);
    if (isNaN(total)) {
      return;
    }
    var started = Date.now();
    var value = el.querySelector('.join-countdown-digits');
    if (value) {
      el.hidden = false;
    }
    function tick() {
      var left = Math.max(0, Math.ceil(total - (Date.now() - started) / 1000));
      if (value) {
        value.textContent = format(left);
      }
      if (left <= 0) {
        // a moment after the opening, so that the server sees it open too
        setTimeout(function () { window.location.reload(); }, 800);
        return;
      }
      setTimeout(tick, 1000 - (Date.now() - started) % 1000);
    }
    tick();
  }

  function readerOpening(el) {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone || zone === el.dataset.eventZone) {
      return;
    }
    var when = new Date(el.dataset.opens);
    var text = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(when);
    var zoneName = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'long' }).formatToParts(when)
      .filter(function (p) { return p.type === 'timeZoneName'; }).map(function (p) { return p.value; }).join('');
    el.textContent = el.dataset.label + ' ' + text + (zoneName ? ' (' + zoneName + ')' : '');
  }

  function start() {
    document.querySelectorAll('.join-countdown[data-seconds]').forEach(countdown);
    document.querySelectorAll('.reader-opening[data-opens]').forEach(readerOpening);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
