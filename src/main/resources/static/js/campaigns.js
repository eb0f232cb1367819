// Campaign page: keeps the countdown to the day of action current. The server already wrote the
// text ("The day of action is in 20 days."); this only updates it as time passes, in the reader's
// language, counting days in the campaign's own time zone and hours and minutes on the last day.
(function () {
  'use strict';

  function todayIn(zone) {
    var parts = {};
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  }

  function dayOf(iso) {
    var p = iso.split('-');
    return Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2]));
  }

  function update(el) {
    var now = Date.now();
    var starts = Date.parse(el.dataset.starts);
    var ends = Date.parse(el.dataset.ends);
    var text;
    if (now >= ends) {
      text = el.dataset.over;
    } else if (now >= starts) {
      text = el.dataset.today;
    } else {
      var relative = new Intl.RelativeTimeFormat(el.dataset.lang || undefined, { numeric: 'auto' });
      var days = Math.round((dayOf(el.dataset.firstDay) - todayIn(el.dataset.zone)) / 86400000);
      var phrase;
      if (days >= 2) {
        phrase = relative.format(days, 'day');
      } else {
        var minutes = Math.max(1, Math.ceil((starts - now) / 60000));
        phrase = minutes >= 60 ? relative.format(Math.ceil(minutes / 60), 'hour') : relative.format(minutes, 'minute');
      }
      text = el.dataset.before.replace('{0}', phrase);
    }
    if (el.textContent !== text) {
      el.textContent = text;
    }
    el.dataset.state = now >= ends ? 'over' : now >= starts ? 'today' : 'before';
  }

  function init() {
    var countdown = document.getElementById('campaign-countdown');
    if (!countdown || !window.Intl || !Intl.RelativeTimeFormat) {
      return;
    }
    update(countdown);
    setInterval(function () { update(countdown); }, 30000);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
