// Runs first in <body>: tells NHS.UK frontend styles that JavaScript modules will run, so that
// components enhance themselves. Without JavaScript every page still works as plain HTML.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
