// Safe Spaces screen-reader mirror: turns what the app drew this frame (its UI record, see
// src/client/ui/record.h) into real, invisible HTML laid over the canvas: headings,
// paragraphs, buttons and radio groups with proper names and states, placed where the
// items are drawn. Screen readers, switch access and the keyboard use these; activating
// one presses the same item in the app. The canvas itself is aria-hidden.
'use strict';

(function () {
  const root = document.getElementById('mirror');
  const announcer = document.getElementById('announcer');
  let lastScreen = null;
  let lastStatus = '';
  let shortcuts = new Map();  // key ('a') -> item id: the buttons a letter presses (an officer's review)

  function send(kind, id) {
    if (window.Module && Module._safespaces_mirror_event) Module._safespaces_mirror_event(kind, id >>> 0);
  }

  function place(el, rect) {
    el.style.left = rect[0] + 'px';
    el.style.top = rect[1] + 'px';
    el.style.width = rect[2] + 'px';
    el.style.height = rect[3] + 'px';
  }

  function makeControl(item) {
    const el = document.createElement('button');
    el.type = 'button';
    el.addEventListener('click', () => send(0, Number(el.dataset.id)));
    el.addEventListener('focus', () => send(1, Number(el.dataset.id)));
    el.addEventListener('blur', () => send(2, 0));
    if (item.role === 'radio' || item.role === 'switch') el.setAttribute('role', item.role);
    return el;
  }

  // A text field's real HTML twin: it takes the typing itself (so a phone opens its
  // keyboard, and IME, emoji, paste and dictation work) and tells the app each change.
  function makeTextBox(item) {
    const el = document.createElement(item.multiline ? 'textarea' : 'input');
    if (!item.multiline) el.type = item.password ? 'password' : 'text';
    el.className = 'textbox';
    el.setAttribute('autocomplete', item.password ? 'current-password' : 'off');
    el.setAttribute('autocapitalize', item.password ? 'none' : 'sentences');
    el.setAttribute('spellcheck', item.password ? 'false' : 'true');
    el.setAttribute('autocorrect', item.password ? 'off' : 'on');
    el.addEventListener('input', () => {
      if (window.Module && Module._safespaces_mirror_text) {
        const size = Module.lengthBytesUTF8(el.value) + 1;
        const ptr = Module._malloc(size);
        Module.stringToUTF8(el.value, ptr, size);
        Module._safespaces_mirror_text(Number(el.dataset.id) >>> 0, ptr);
        Module._free(ptr);
      }
    });
    el.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !item.multiline) {
        event.preventDefault();
        send(4, Number(el.dataset.id));
      }
    });
    el.addEventListener('focus', () => send(1, Number(el.dataset.id)));
    el.addEventListener('blur', () => send(2, 0));
    return el;
  }

  function makeStatic(item) {
    if (item.role === 'heading') {
      const el = document.createElement(item.level <= 1 ? 'h1' : 'h2');
      el.tabIndex = -1;  // focusable by script, so a new screen can be announced from its title
      return el;
    }
    return document.createElement('p');
  }

  // A key that stays the same for the same item from frame to frame, so focus survives.
  function keyOf(item, index) {
    return item.id ? `${item.role}:${item.id}` : `${item.role}:${item.name}:${index}`;
  }

  function render(record) {
    const focusedKey = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.key : null;
    const hadFocus = root.contains(document.activeElement);
    const existing = new Map();
    for (const el of root.querySelectorAll('[data-key]')) existing.set(el.dataset.key, el);

    const fragment = [];
    let group = null;
    record.items.forEach((item, index) => {
      const key = keyOf(item, index);
      let el = existing.get(key);
      const interactive = item.role === 'button' || item.role === 'radio' || item.role === 'switch';
      if (!el) el = item.role === 'textbox' ? makeTextBox(item) : interactive ? makeControl(item) : makeStatic(item);
      existing.delete(key);
      el.dataset.key = key;
      el.dataset.id = String(item.id);
      if (item.role === 'textbox') {
        el.setAttribute('aria-label', item.name);
        el.setAttribute('inputmode', item.input_mode || 'text');
        el.setAttribute('enterkeyhint', item.multiline ? 'enter' : 'done');
        if (item.max_chars) el.maxLength = item.max_chars;
        if (item.description) el.placeholder = item.description;
        el.style.fontSize = (item.font_px || 20) + 'px';
        // Never overwrite what the person is typing; otherwise show what the app holds. The
        // record never carries a password (only dots): its twin is only emptied when the app's is.
        if (item.password) {
          if (item.value === '' && el.value !== '' && document.activeElement !== el) el.value = '';
        } else if (document.activeElement !== el && el.value !== item.value) {
          el.value = item.value;
        }
      } else if (el.textContent !== item.name) {
        el.textContent = item.name;
      }
      if (item.description) el.setAttribute('aria-description', item.description);
      else el.removeAttribute('aria-description');
      if (item.role === 'radio' || item.role === 'switch') el.setAttribute('aria-checked', item.checked ? 'true' : 'false');
      if (item.current) el.setAttribute('aria-current', 'page');
      else el.removeAttribute('aria-current');
      if (item.shortcut) el.setAttribute('aria-keyshortcuts', item.shortcut.toUpperCase());
      else el.removeAttribute('aria-keyshortcuts');
      place(el, item.rect);

      if (item.role === 'radio') {
        if (!group || group.getAttribute('aria-label') !== item.group) {
          group = document.createElement('div');
          group.setAttribute('role', 'radiogroup');
          group.setAttribute('aria-label', item.group);
          fragment.push(group);
        }
        group.appendChild(el);
      } else {
        group = null;
        fragment.push(el);
      }
    });
    root.replaceChildren(...fragment);
    shortcuts = new Map(record.items.filter((i) => i.shortcut).map((i) => [i.shortcut, i.id]));

    // Whatever the screen reader was on is still there (same key): keep it focused.
    if (focusedKey) {
      const again = root.querySelector(`[data-key="${CSS.escape(focusedKey)}"]`);
      if (again && document.activeElement !== again) again.focus({ preventScroll: true });
    }
    if (record.screen !== lastScreen) {
      if (lastScreen !== null) {
        announce(record.screen);
        const title = root.querySelector('h1');
        if (hadFocus && title) title.focus({ preventScroll: true });
      }
      lastScreen = record.screen;
    }
    const status = record.items.filter((i) => i.role === 'status').map((i) => i.name).join(' ');
    if (status && status !== lastStatus) announce(status);
    lastStatus = status;
  }

  function announce(text) {
    announcer.textContent = '';
    // A new text node after a tick is what screen readers reliably speak.
    setTimeout(() => { announcer.textContent = text; }, 50);
  }

  // A letter that is a button's shortcut presses it, as its HTML twin's click would. Keys
  // never reach the canvas (SDL listens there only), so this is their way in; never while
  // a text field (or anything editable) has the focus, and never with Ctrl, Alt or Cmd.
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing || event.key.length !== 1) return;
    const target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' ||
                   target.isContentEditable)) return;
    const id = shortcuts.get(event.key.toLowerCase());
    if (id === undefined) return;
    event.preventDefault();
    send(0, id);
  });

  window.safespacesMirror = { render };
})();
