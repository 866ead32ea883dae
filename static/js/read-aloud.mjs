// "Listen": reads a page's main content aloud with the browser's own speech synthesis.
// Progressive enhancement: the controls stay hidden unless the browser can speak, and every
// control is a real <button>, so it works with the keyboard and with switch access.

function readableText(root) {
  const clone = root.cloneNode(true);
  for (const skip of clone.querySelectorAll('[data-module="portal-read-aloud"], [data-module="portal-print"], .nhsuk-u-visually-hidden, script, style, [hidden]')) {
    skip.remove();
  }
  // Picture descriptions are part of easy read: say them before the words beside them.
  for (const image of clone.querySelectorAll('img[alt]')) {
    image.replaceWith(document.createTextNode(` ${image.alt}. `));
  }
  return clone.textContent.replace(/\s+/g, ' ').trim();
}

function sentences(text) {
  // Short utterances: some browsers stop reading long ones part way through.
  return text.match(/[^.!?؟]+[.!?؟]*\s*/g) || [text];
}

export function initReadAloud(container) {
  if (!('speechSynthesis' in window) || !('SpeechSynthesisUtterance' in window)) return;
  const target = document.querySelector(container.dataset.target);
  if (!target) return;
  const buttons = Object.fromEntries(
    [...container.querySelectorAll('[data-action]')].map((button) => [button.dataset.action, button]),
  );
  const lang = target.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  let queue = [];

  function show(...visible) {
    for (const [action, button] of Object.entries(buttons)) button.hidden = !visible.includes(action);
  }
  function focusFirstVisible() { Object.values(buttons).find((button) => !button.hidden)?.focus(); }

  function speakNext() {
    const next = queue.shift();
    if (next === undefined) { show('play'); return; }
    const utterance = new SpeechSynthesisUtterance(next);
    utterance.lang = lang;
    utterance.rate = 0.9;
    utterance.addEventListener('end', speakNext);
    window.speechSynthesis.speak(utterance);
  }

  buttons.play.addEventListener('click', () => {
    window.speechSynthesis.cancel();
    queue = sentences(readableText(target));
    show('pause', 'stop');
    focusFirstVisible();
    speakNext();
  });
  buttons.pause.addEventListener('click', () => {
    window.speechSynthesis.pause();
    show('resume', 'stop');
    focusFirstVisible();
  });
  buttons.resume.addEventListener('click', () => {
    window.speechSynthesis.resume();
    show('pause', 'stop');
    focusFirstVisible();
  });
  buttons.stop.addEventListener('click', () => {
    queue = [];
    window.speechSynthesis.cancel();
    show('play');
    focusFirstVisible();
  });
  window.addEventListener('pagehide', () => window.speechSynthesis.cancel());

  show('play');
  container.hidden = false;
}

export function initPrint(container) {
  if (typeof window.print !== 'function') return;
  container.querySelector('button').addEventListener('click', () => window.print());
  container.hidden = false;
}
