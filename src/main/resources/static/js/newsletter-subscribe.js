// The newsletter form embedded in public pages: those pages carry no session and no CSRF token (so
// they can be cached). This shows the form, records the page's path with the consent and, when the
// form is first used, fetches a token for it. Without JavaScript the reader follows the link to the
// standalone page /newsletter.
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
    form.dataset.newsletterToken = 'yes';
  }

  function setUp() {
    document.querySelectorAll('[data-newsletter-embedded]').forEach(function (area) {
      var url = area.dataset.csrfUrl;
      area.hidden = false;
      var section = area.closest('section');
      if (section) {
        section.querySelectorAll('[data-newsletter-nojs]').forEach(function (link) { link.hidden = true; });
      }
      area.querySelectorAll('form[data-newsletter-form]').forEach(function (form) {
        var page = form.querySelector('input[name="page"]');
        if (page) {
          page.value = window.location.pathname;
        }
        form.addEventListener('focusin', function () {
          fetchToken(url).then(function (token) { addToken(form, token); }).catch(function () { });
        }, { once: true });
        form.addEventListener('submit', function (event) {
          if (form.dataset.newsletterToken === 'yes') {
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
