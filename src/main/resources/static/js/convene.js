// Progressive enhancement only: every page works without this file.
document.addEventListener('keydown', (event) => {
  // Escape closes an open language menu.
  if (event.key === 'Escape') {
    document.querySelectorAll('details.language-switcher[open]').forEach((d) => d.removeAttribute('open'));
  }
});
