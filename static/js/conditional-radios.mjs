// NHS.UK frontend marks a radio that reveals more questions with aria-expanded, but ARIA does not
// allow aria-expanded on radios (axe: aria-allowed-attr), and people hear the revealed questions
// anyway: they come straight after the radio. Take it off each time the frontend sets it.
const radios = document.querySelectorAll('.nhsuk-radios input[type="radio"][aria-controls]');
const observer = new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.target.hasAttribute('aria-expanded')) mutation.target.removeAttribute('aria-expanded');
  }
});
for (const radio of radios) {
  radio.removeAttribute('aria-expanded');
  observer.observe(radio, { attributes: true, attributeFilter: ['aria-expanded'] });
}
