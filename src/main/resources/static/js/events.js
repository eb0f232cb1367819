// Events: progressive enhancement only. The page states every time in the event's own time zone;
// when the reader's zone differs, this adds the same times in theirs.
(function () {
  'use strict';
  function readerTimes() {
    var readerZone;
    try {
      readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    var lang = document.documentElement.lang || undefined;
    document.querySelectorAll('.reader-time[data-starts]').forEach(function (el) {
      if (!readerZone || readerZone === el.dataset.eventZone) {
        return;
      }
      var format = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: readerZone });
      var zoneName = new Intl.DateTimeFormat(lang, { timeZone: readerZone, timeZoneName: 'long' })
        .formatToParts(new Date(el.dataset.starts)).filter(function (p) { return p.type === 'timeZoneName'; })
        .map(function (p) { return p.value; }).join('');
      el.textContent = el.dataset.label + ' ' + format.format(new Date(el.dataset.starts)) + ' – '
        + format.format(new Date(el.dataset.ends)) + (zoneName ? ' (' + zoneName + ')' : '');
      el.hidden = false;
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', readerTimes);
  } else {
    readerTimes();
  }
}());
