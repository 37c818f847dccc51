// Offline support: after the first visit the page, its wasm, the examples and the rules' docs are
// in the cache, so the page works without a network. The file readers (reader-*.worker.js, 0.4 and
// 1.3 MB) are not fetched ahead: each is cached the first time a file of its kind is read, and
// works offline from then on. The file list and version are filled in at build time by
// scripts/embed-wasm.sh. The page itself can open no connection (CSP connect-src 'none'); this
// worker only ever asks its own origin for the site's own files.
const VERSION = "__VERSION__";
const FILES = "__PRECACHE__";
const CACHE = "budgetlint-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("budgetlint-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    // The page: the network first (a new version replaces the old), the cache when offline.
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        })
        .catch(() =>
          caches
            .match(req, { ignoreSearch: true })
            .then((r) => r || caches.match("./"))
            .then((r) => r || caches.match("./index.html"))
        )
    );
    return;
  }
  // Hashed files never change: the cache first; a file fetched for the first time (a reader) is
  // kept for the next time.
  event.respondWith(
    caches.match(req).then(
      (r) =>
        r ||
        fetch(req).then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        })
    )
  );
});
