// Door check-in and tickets: progressive enhancement only. Without JavaScript the code form is a
// plain POST. With it: the answer replaces itself (htmx), the field is cleared for the next
// person, and a camera can read QR codes: the browser's own BarcodeDetector when it has one, else
// html5-qrcode (loaded only then). Any camera problem leaves typing as it was, with a message.
(function () {
  'use strict';

  function ticketPage() {
    var print = document.getElementById('ticket-print');
    if (print && window.print) {
      print.hidden = false;
      print.addEventListener('click', function () { window.print(); });
    }
  }

  function checkInPage() {
    var form = document.getElementById('check-in-form');
    var box = document.getElementById('check-in-camera');
    if (!form || !box) {
      return;
    }
    var input = form.querySelector('input[name=code]');
    var button = document.getElementById('check-in-scan');
    var message = document.getElementById('check-in-camera-message');
    var video = document.getElementById('check-in-video');
    var reader = document.getElementById('check-in-reader');
    var stream = null;
    var library = null;
    var timer = null;
    var last = '';
    var lastAt = 0;

    document.body.addEventListener('htmx:afterSwap', function (e) {
      if (e.detail.target && e.detail.target.id === 'check-in-result') {
        input.value = '';
        input.focus();
        var counts = document.getElementById('check-in-counts');
        if (counts && window.htmx) {
          window.htmx.trigger(counts, 'refresh');
        }
      }
    });

    function say(text) {
      message.textContent = text;
      message.hidden = !text;
    }

    // A code read by the camera is sent like a typed one; the same code again within 4 seconds is
    // the same ticket still in front of the camera, not a second person.
    function found(text) {
      var code = (text || '').trim();
      var now = Date.now();
      if (!code || (code === last && now - lastAt < 4000)) {
        return;
      }
      last = code;
      lastAt = now;
      input.value = code;
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }

    function stop() {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      if (stream) {
        stream.getTracks().forEach(function (t) { t.stop(); });
        stream = null;
      }
      if (library) {
        library.stop().catch(function () {});
        library = null;
      }
      video.hidden = true;
      reader.hidden = true;
      button.textContent = box.dataset.start;
      say('');
    }

    function refused(error) {
      stop();
      say(error && (error.name === 'NotAllowedError' || error.name === 'SecurityError' || /permission/i.test(String(error)))
        ? box.dataset.denied : box.dataset.unavailable);
    }

    function nativeDetector() {
      if (!('BarcodeDetector' in window) || !window.BarcodeDetector.getSupportedFormats) {
        return Promise.resolve(null);
      }
      return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
        return formats.indexOf('qr_code') >= 0 ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
      }).catch(function () { return null; });
    }

    function scanNatively(detector) {
      return navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false;
        return video.play();
      }).then(function () {
        say(box.dataset.scanning);
        var look = function () {
          if (!stream) {
            return;
          }
          detector.detect(video).then(function (codes) {
            if (codes.length) {
              found(codes[0].rawValue);
            }
          }).catch(function () {}).then(function () {
            if (stream) {
              timer = setTimeout(look, 200);
            }
          });
        };
        look();
      });
    }

    function loadLibrary() {
      if (window.Html5Qrcode) {
        return Promise.resolve(window.Html5Qrcode);
      }
      return new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = box.dataset.decoder;
        script.onload = function () {
          var lib = window.Html5Qrcode || (window.__Html5QrcodeLibrary__ && window.__Html5QrcodeLibrary__.Html5Qrcode);
          if (lib) {
            resolve(lib);
          } else {
            reject(new Error('decoder missing'));
          }
        };
        script.onerror = function () { reject(new Error('decoder not loaded')); };
        document.head.appendChild(script);
      });
    }

    function scanWithLibrary() {
      return loadLibrary().then(function (Html5Qrcode) {
        reader.hidden = false;
        library = new Html5Qrcode('check-in-reader', false);
        return library.start({ facingMode: 'environment' }, { fps: 8, qrbox: 220 }, found, function () {});
      }).then(function () {
        say(box.dataset.scanning);
      });
    }

    function start() {
      button.textContent = box.dataset.stop;
      nativeDetector().then(function (detector) {
        return detector ? scanNatively(detector) : scanWithLibrary();
      }).catch(refused);
    }

    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say(box.dataset.unavailable);
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      if (stream || library) {
        stop();
      } else {
        start();
      }
    });
    window.addEventListener('pagehide', stop);
  }

  function ready() {
    ticketPage();
    checkInPage();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
}());
