// Progressive enhancement for every page. Each feature checks what it needs and does nothing
// when the browser lacks it; every page works without JavaScript.
import { initAll } from '../wagtailnhsukfrontend/js/nhsuk-frontend-10.4.2.min.js';
import { initPrint, initReadAloud } from './read-aloud.mjs';

initAll();

// "Go back to the form" links: going back in history keeps what the person typed, where a
// fresh page load would not.
for (const link of document.querySelectorAll('[data-module="portal-history-back"]')) {
  link.addEventListener('click', (event) => {
    if (window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
}

// "Listen" and "Print this page" on content pages.
document.querySelectorAll('[data-module="portal-read-aloud"]').forEach(initReadAloud);
document.querySelectorAll('[data-module="portal-print"]').forEach(initPrint);
