// Safe Spaces, web platform start-up (linked with --pre-js): loads the device's folder
// /data from IndexedDB before main() runs, so the app's first frame already has everything
// the device saved, and saves it back (Module.safespacesSave, called by PersistData() in
// platform_web.cpp).
//
// Each file is kept in pieces of CHUNK_BYTES, with a list of the files, all written in one
// IndexedDB transaction: a save is whole or not there. Chromium refuses one value over
// 127 MB, and the device database passes that at about 65,000 places (187 MB at 100,000),
// so Emscripten's IDBFS, which keeps a file as one value, could not save it, and never said
// so. A device that saved with IDBFS (before this store) is read from there once; its next
// save writes here.
(function () {
  const STORE_DB = 'safespaces-device';
  const STORE = 'pieces';
  const LIST = 'files';  // key of the list: {name: {size, pieces}}
  const DIR = '/data';
  // Tests make pieces small (window.safespacesChunkBytes) so that small files have many.
  const CHUNK_BYTES = (typeof window !== 'undefined' && window.safespacesChunkBytes) || 8 * 1024 * 1024;

  function openStore(done) {
    let request;
    try {
      request = indexedDB.open(STORE_DB, 1);
    } catch (err) {
      done(err);
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => done(null, request.result);
    request.onerror = () => done(request.error);
    request.onblocked = () => done(new Error('the saved data is open in another tab'));
  }

  // Every file in /data into MEMFS, from the pieces; found is false when nothing was saved here.
  function loadPieces(db, done) {
    const tx = db.transaction(STORE, 'readonly');
    const store = tx.objectStore(STORE);
    const listed = store.get(LIST);
    const files = {};
    listed.onsuccess = () => {
      const list = listed.result;
      if (!list) return;
      Object.keys(list).forEach((name) => {
        const entry = list[name];
        const bytes = new Uint8Array(entry.size);
        files[name] = bytes;
        for (let i = 0; i < entry.pieces; ++i) {
          const piece = store.get(name + '#' + i);
          piece.onsuccess = () => { if (piece.result) bytes.set(piece.result, i * entry.piece_bytes); };
        }
      });
    };
    tx.oncomplete = () => {
      const names = Object.keys(files);
      names.forEach((name) => FS.writeFile(DIR + '/' + name, files[name]));
      done(null, listed.result != null);
    };
    tx.onabort = tx.onerror = () => done(tx.error || new Error('reading was stopped'));
  }
  // What an older Safe Spaces saved with IDBFS (an IndexedDB database named after the
  // folder): mounted there, loaded, copied out, unmounted, so /data is plain memory again.
  // The old copy is deleted after the first save here (it would keep what was deleted).
  let idbfsOpened = false;
  function loadFromIdbfs(done) {
    idbfsOpened = true;
    FS.mount(IDBFS, {}, DIR);
    FS.syncfs(true, (err) => {
      const files = {};
      if (!err) {
        FS.readdir(DIR).forEach((name) => {
          const path = DIR + '/' + name;
          if (name !== '.' && name !== '..' && FS.isFile(FS.stat(path).mode)) files[name] = FS.readFile(path);
        });
      }
      FS.unmount(DIR);
      Object.keys(files).forEach((name) => FS.writeFile(DIR + '/' + name, files[name]));
      done(err);
    });
  }

  // Every file in /data, in pieces, with the list, in one transaction; older pieces go.
  Module.safespacesSave = function (done) {
    openStore((err, db) => {
      if (err) return done(err);
      let tx;
      try {
        tx = db.transaction(STORE, 'readwrite');
      } catch (e) {
        db.close();
        return done(e);
      }
      const store = tx.objectStore(STORE);
      const list = {};
      const keep = new Set([LIST]);
      FS.readdir(DIR).forEach((name) => {
        if (name === '.' || name === '..') return;
        const path = DIR + '/' + name;
        if (!FS.isFile(FS.stat(path).mode)) return;
        const bytes = FS.readFile(path);
        const pieces = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
        list[name] = { size: bytes.length, pieces: pieces, piece_bytes: CHUNK_BYTES };
        for (let i = 0; i < pieces; ++i) {
          store.put(bytes.slice(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES), name + '#' + i);
          keep.add(name + '#' + i);
        }
      });
      store.put(list, LIST);
      const keys = store.getAllKeys();
      keys.onsuccess = () => keys.result.forEach((key) => { if (!keep.has(key)) store.delete(key); });
      tx.oncomplete = () => {
        db.close();
        if (idbfsOpened) {  // IDBFS keeps its connection open: closed first, or the deletion waits
          idbfsOpened = false;
          if (IDBFS.dbs[DIR]) IDBFS.dbs[DIR].close();
          delete IDBFS.dbs[DIR];
          indexedDB.deleteDatabase(DIR);
        }
        done(null);
      };
      tx.onabort = tx.onerror = () => { db.close(); done(tx.error || new Error('saving was stopped')); };
    });
  };

  Module.preRun = Module.preRun || [];
  Module.preRun.push(function () {
    FS.mkdir(DIR);
    addRunDependency('safespaces-device-data');
    const finish = (err) => {
      if (err) console.warn('Safe Spaces could not load what this device saved: ' + err);
      removeRunDependency('safespaces-device-data');
    };
    openStore((err, db) => {
      if (err) return finish(err);
      loadPieces(db, (loadErr, found) => {
        db.close();
        if (loadErr) return finish(loadErr);
        if (found) return finish(null);
        loadFromIdbfs(finish);
      });
    });
  });
})();
