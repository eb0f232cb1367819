// Statements and news editor: a live character count under long texts (the server checks the limit too).
(function () {
  'use strict';
  document.querySelectorAll('textarea[data-count-limit]').forEach(function (area) {
    var limit = parseInt(area.getAttribute('data-count-limit'), 10);
    var counter = document.createElement('p');
    counter.className = 'form-text text-end mb-0';
    counter.setAttribute('aria-live', 'polite');
    area.insertAdjacentElement('afterend', counter);
    function update() {
      var n = area.value.length;
      counter.textContent = n.toLocaleString() + ' / ' + limit.toLocaleString();
      counter.classList.toggle('text-danger', n > limit);
    }
    area.addEventListener('input', update);
    update();
  });
})();
