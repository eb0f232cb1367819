// Footage upload page: with JavaScript, every chosen or dropped file goes through the resumable
// upload API (/api/v1/campaigns/{slug}/uploads), chunk by chunk with a progress bar each. A dropped
// connection is retried with backoff and resumes from the offset the server reports: it never
// restarts the file. Without JavaScript the form posts the files as a plain multipart upload.
(function () {
  'use strict';
  var form = document.getElementById('footage-form');
  if (!form || !window.XMLHttpRequest) {
    return;
  }
  var input = document.getElementById('footage-files-input');
  var drop = document.getElementById('footage-drop');
  var list = document.getElementById('footage-list');
  var status = document.getElementById('footage-status');
  var submit = document.getElementById('footage-submit');
  var textsEl = document.getElementById('footage-texts');
  var chunkSizeHint = Number(form.dataset.chunkSize);
  var texts = {};
  textsEl.querySelectorAll('li[data-code]').forEach(function (li) { texts[li.dataset.code] = li.textContent; });
  var ui = textsEl.dataset;
  var queue = [];
  var counter = 0;
  var busy = false;

  document.querySelectorAll('.footage-no-script').forEach(function (el) { el.hidden = true; });
  document.querySelectorAll('.footage-drop-hint').forEach(function (el) { el.hidden = false; });
  input.removeAttribute('name'); // the files travel through the API, not in the form post

  function format(template, value) {
    return template.replace('{0}', value);
  }

  function add(files) {
    Array.prototype.forEach.call(files, function (file) {
      counter += 1;
      var id = 'footage-file-' + counter;
      var li = document.createElement('li');
      li.className = 'footage-item';
      var label = document.createElement('label');
      label.setAttribute('for', id);
      label.className = 'footage-name';
      label.textContent = file.name;
      label.dir = 'auto';
      var progress = document.createElement('progress');
      progress.id = id;
      progress.max = 100;
      progress.value = 0;
      var state = document.createElement('span');
      state.className = 'footage-state small';
      state.id = id + '-state';
      state.textContent = ui.waiting;
      progress.setAttribute('aria-describedby', state.id);
      li.appendChild(label);
      li.appendChild(progress);
      li.appendChild(state);
      list.appendChild(li);
      queue.push({ file: file, item: li, progress: progress, state: state, done: false });
    });
    list.hidden = queue.length === 0;
  }

  input.addEventListener('change', function () {
    add(input.files);
    input.value = '';
  });
  ['dragenter', 'dragover'].forEach(function (name) {
    drop.addEventListener(name, function (e) {
      e.preventDefault();
      drop.classList.add('footage-drop-active');
    });
  });
  ['dragleave', 'drop'].forEach(function (name) {
    drop.addEventListener(name, function (e) {
      e.preventDefault();
      drop.classList.remove('footage-drop-active');
    });
  });
  drop.addEventListener('drop', function (e) {
    if (e.dataTransfer && e.dataTransfer.files) {
      add(e.dataTransfer.files);
    }
  });

  function request(method, url, body, onProgress) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('Accept', 'application/json');
      if (body instanceof Blob) {
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      } else if (body) {
        xhr.setRequestHeader('Content-Type', 'application/json');
        body = JSON.stringify(body);
      }
      if (onProgress) {
        xhr.upload.onprogress = function (e) { onProgress(e.loaded); };
      }
      xhr.onload = function () {
        var json = null;
        try { json = JSON.parse(xhr.responseText); } catch (ignored) { json = null; }
        resolve({ status: xhr.status, json: json });
      };
      xhr.onerror = xhr.ontimeout = xhr.onabort = function () { resolve({ status: 0, json: null }); };
      xhr.send(body || null);
    });
  }

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function problemText(response) {
    var p = response.json || {};
    if (p.code && texts[p.code]) {
      return texts[p.code];
    }
    if (p.errors && p.errors.length) {
      return p.errors.map(function (e) { return e.message; }).join(' ');
    }
    return p.detail || ui.failed;
  }

  // Network errors, 5xx and a cut-off chunk are worth another try; 409 means "ask where we are"; other answers are final.
  function retryable(response) {
    var s = response.status;
    var cutOff = s === 400 && response.json && response.json.code === 'footage.refused.chunk-short';
    return s === 0 || s >= 500 || s === 409 || s === 429 || cutOff;
  }

  function show(entry, percent, text) {
    entry.progress.value = percent;
    entry.state.textContent = text;
  }

  async function sendFile(entry, fields) {
    var file = entry.file;
    var started = await request('POST', form.dataset.startUrl, { fileName: file.name, size: file.size });
    if (started.status !== 201) {
      throw new Error(problemText(started));
    }
    var upload = started.json;
    var url = form.dataset.uploadUrl + encodeURIComponent(upload.id);
    var chunkSize = upload.chunkSize || chunkSizeHint;
    var next = upload.nextChunk;
    var failures = 0;
    while (next < upload.chunks) {
      var from = next * chunkSize;
      var blob = file.slice(from, Math.min(file.size, from + chunkSize));
      var answer = await request('PUT', url + '/chunks/' + next, blob, function (loaded) {
        var percent = Math.floor(((from + loaded) / file.size) * 100);
        show(entry, Math.min(99, percent), format(ui.uploading, Math.min(99, percent)));
      });
      if (answer.status === 200) {
        next = answer.json.nextChunk;
        failures = 0;
        continue;
      }
      if (!retryable(answer) || failures >= 8) {
        throw new Error(problemText(answer));
      }
      failures += 1;
      entry.state.textContent = ui.retrying;
      await wait(Math.min(30000, 500 * Math.pow(2, failures)));
      var where = await request('GET', url);
      if (where.status === 200) {
        next = where.json.nextChunk;
      } else if (where.status !== 0 && where.status < 500) {
        throw new Error(problemText(answer));
      }
    }
    show(entry, 99, ui.processing);
    var done = await request('POST', url + '/complete', fields);
    if (done.status !== 201) {
      throw new Error(problemText(done));
    }
    show(entry, 100, ui.sent);
  }

  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    if (busy) {
      return;
    }
    var waiting = queue.filter(function (entry) { return !entry.done; });
    if (!form.reportValidity()) {
      return;
    }
    if (waiting.length === 0) {
      status.textContent = ui.noFiles;
      input.focus();
      return;
    }
    busy = true;
    submit.disabled = true;
    var action = form.querySelector('[name=actionId]');
    var fields = {
      caption: form.querySelector('[name=caption]').value,
      place: form.querySelector('[name=place]').value,
      credit: form.querySelector('[name=credit]').value,
      actionId: action && action.value ? Number(action.value) : null,
      email: form.querySelector('[name=email]').value,
      consent: form.querySelector('[name=consent][type=checkbox]').checked,
      language: document.documentElement.lang
    };
    var sent = 0;
    for (var i = 0; i < waiting.length; i++) {
      var entry = waiting[i];
      try {
        await sendFile(entry, fields);
        entry.done = true;
        entry.item.classList.add('footage-item-sent');
        sent += 1;
        status.textContent = format(ui.fileSent, entry.file.name);
      } catch (error) {
        entry.done = true;
        entry.item.classList.add('footage-item-refused');
        entry.progress.value = 0;
        entry.state.textContent = ui.refused + ' ' + error.message;
        status.textContent = entry.file.name + ': ' + ui.refused + ' ' + error.message;
      }
    }
    status.textContent = format(ui.done, sent);
    busy = false;
    submit.disabled = false;
  });
}());
