// The service worker: the app works offline and updates without mixing versions.
// VERSION and FILES are written by scripts/build_site.mjs from the build's content hash and file
// list; nothing here is kept by hand.
'use strict';
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `iiifc-portal-${VERSION}`;
const DATA = 'membership.json';

// Install: precache every file of this version. The new worker then waits until the page
// accepts the update ("A new version is available — Reload"), so a running page never mixes.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

// Activate: delete the caches of other versions, and take control of open pages.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('iiifc-portal-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

// The path of a request inside the app's scope ("portal.wasm"; "" for the page).
function scopePath(url) {
  const scope = new URL(self.registration.scope);
  return url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = scopePath(url);
  if (path === null) return;

  // The page: network first (a deployed version is seen at once), this version's copy offline.
  if (request.mode === 'navigate' || path === '' || path === 'index.html') {
    event.respondWith(fetch(request).catch(() => caches.match('index.html', { cacheName: CACHE })));
    return;
  }
  // A file asked for by a page of another version (its ?v= differs): straight from the network,
  // so that page gets its own version's files and never this one's.
  const wanted = url.searchParams.get('v');
  if (wanted && wanted !== VERSION) return;
  // The data: fresh when online (fees can change without a new app), the cached copy offline.
  if (path === DATA) {
    event.respondWith(caches.open(CACHE).then((cache) =>
      fetch(request, { cache: 'no-cache' })
        .then((response) => {
          if (response.ok) cache.put(DATA, response.clone());
          return response;
        })
        .catch(() => cache.match(DATA))));
    return;
  }
  // Everything else of this version: from the cache (kept with its Content-Type), else the network.
  event.respondWith(caches.match(path, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
