// Safe Spaces page shell: sets up Emscripten's Module before app.js loads, shows a kind
// status while loading or if the app cannot start, and exposes `window.safespaces`
// ({ready, ui}) for the page and for browser tests. The app calls Module.onSafeSpacesReady
// after its first settled frame and Module.onUiRecord with what each changed frame showed.
'use strict';

window.safespaces = { ready: false, ui: null, errors: [] };

(function () {
  const statusText = document.getElementById('status-text');

  function showProblem(text) {
    statusText.textContent = text;
    document.body.classList.remove('ready');
  }

  if (!document.createElement('canvas').getContext('webgl2')) {
    showProblem('Sorry, this browser cannot show Safe Spaces. Try a newer browser, or ask an adult to help.');
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onSafeSpacesReady() {
      window.safespaces.ready = true;
      document.body.classList.add('ready');
      document.dispatchEvent(new Event('safespaces-ready'));
    },
    onUiRecord(json) {
      window.safespaces.ui = JSON.parse(json);
      window.safespacesMirror.render(window.safespaces.ui);
    },
    onAbort(reason) {
      window.safespaces.errors.push(String(reason));
      showProblem('Sorry, Safe Spaces stopped working. Please reload the page.');
    },
  };
})();

// The service worker (sw.js) keeps a copy of the app so it starts with no connection. It is
// registered after the page has loaded so its downloads never compete with the app's own.
// Browsers without service workers, or pages not served over https or from localhost,
// simply go without: the app works the same, only not offline.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js').catch((err) => {
      console.warn('Safe Spaces will not start offline on this device: ' + err);
    });
  });
}
