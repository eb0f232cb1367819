// Copy buttons: <button data-copy="#field" data-copied="Copied"> copies the field's value. Without
// JavaScript the button stays hidden and the field can be selected and copied by hand.
(function () {
  'use strict';
  function init() {
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      var field = document.querySelector(button.dataset.copy);
      if (!field || !navigator.clipboard) {
        return;
      }
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = button.dataset.copied;
          setTimeout(function () { button.textContent = label; }, 2000);
        }, function () {
          field.select();
        });
      });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
