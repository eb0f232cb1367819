// Footage moderation shortcuts and the report's print button. Progressive enhancement only: every
// decision is a plain form that works without this file (and without htmx).
(() => {
  'use strict';

  // The report's Print button (hidden until this file runs).
  document.querySelectorAll('[data-print]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  });

  const queue = document.querySelector('.footage-queue');
  if (!queue) {
    return;
  }
  const items = () => Array.from(queue.querySelectorAll('.footage-item'));
  const current = () => document.activeElement && document.activeElement.closest('.footage-item');
  let lastId = null;

  // After a decision without htmx the page comes back at #footage-N: put the focus there.
  if (window.location.hash.startsWith('#footage-')) {
    const back = document.getElementById(window.location.hash.substring(1));
    if (back) {
      back.focus();
    }
  }

  const typing = (target) => target instanceof HTMLElement
    && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

  const move = (step) => {
    const list = items();
    if (list.length === 0) {
      return;
    }
    const index = list.indexOf(current());
    const next = index < 0 ? list[0] : list[Math.min(list.length - 1, Math.max(0, index + step))];
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  };

  const press = (item, key) => {
    const control = item.querySelector(`[data-key="${key}"]`);
    if (!control) {
      return;
    }
    if (key === 'e') {
      const details = control.closest('details');
      details.open = true;
      const field = details.querySelector('textarea, input:not([type=hidden])');
      if (field) {
        field.focus();
      }
      return;
    }
    lastId = item.id;
    control.click();
  };

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    const item = current();
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        event.preventDefault();
        move(1);
        break;
      case 'k':
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        break;
      case 'a':
      case 'r':
      case 'f':
      case 'e':
        if (item) {
          event.preventDefault();
          press(item, event.key);
        }
        break;
      default:
    }
  });

  // Keep the focus on the item a decision swapped in (htmx replaces the whole item).
  queue.addEventListener('submit', (event) => {
    const item = event.target.closest('.footage-item');
    if (item) {
      lastId = item.id;
    }
  }, true);
  // Runs as a microtask right after the swap, before the next key press is handled; never takes the
  // focus from an element the reader has moved to.
  new MutationObserver(() => {
    if (lastId && (!document.activeElement || document.activeElement === document.body)) {
      const item = document.getElementById(lastId);
      if (item) {
        item.focus();
      }
    }
    lastId = null;
  }).observe(queue, { childList: true });
})();
