// Safe Spaces, web platform start-up (linked with --pre-js): mounts the device's folder
// /data on IndexedDB and loads it before main() runs, so the app's first frame already
// has everything the device saved. Saving back is PersistData() in platform_web.cpp.
Module.preRun = Module.preRun || [];
Module.preRun.push(function () {
  FS.mkdir('/data');
  FS.mount(IDBFS, {}, '/data');
  addRunDependency('safespaces-device-data');
  FS.syncfs(true, function (err) {
    if (err) console.warn('Safe Spaces could not load what this device saved: ' + err);
    removeRunDependency('safespaces-device-data');
  });
});
