// Sign-on forms embedded in the public statement page: that page carries no session and no CSRF
// token (so it can be cached and shared). This shows the forms and, when one is first used, fetches
// a token for it. Without JavaScript the reader follows the link to the standalone sign-on page.
(function () {
  'use strict';
  var pending = null;

  function fetchToken(url) {
    if (!pending) {
      pending = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('No token');
          }
          return response.json();
        })
        .catch(function (error) {
          pending = null;
          throw error;
        });
    }
    return pending;
  }

  function addToken(form, token) {
    var input = form.querySelector('input[name="' + token.parameterName + '"]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = token.parameterName;
      form.appendChild(input);
    }
    input.value = token.token;
    form.dataset.signonToken = 'yes';
  }

  function setUp() {
    document.querySelectorAll('[data-signon-embedded]').forEach(function (area) {
      var url = area.dataset.csrfUrl;
      area.hidden = false;
      var section = area.closest('section');
      if (section) {
        section.querySelectorAll('[data-signon-nojs]').forEach(function (link) { link.hidden = true; });
      }
      area.querySelectorAll('form[data-signon-form]').forEach(function (form) {
        form.addEventListener('focusin', function () {
          fetchToken(url).then(function (token) { addToken(form, token); }).catch(function () { });
        }, { once: true });
        form.addEventListener('submit', function (event) {
          if (form.dataset.signonToken === 'yes') {
            return;
          }
          event.preventDefault();
          fetchToken(url).then(function (token) {
            addToken(form, token);
            form.submit();
          }).catch(function () {
            window.location.href = area.dataset.fallback;
          });
        });
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
}());
