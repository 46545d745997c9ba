// The service worker: the app works offline and updates without mixing versions.
// VERSION and FILES are written by scripts/build_site.mjs from the build's content hash and file
// list; nothing here is kept by hand.
'use strict';
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `iiifc-portal-${VERSION}`;
const DATA = 'membership.json';
// Lie-fi (a network that connects but never answers): the page waits this long for the network,
// then starts from the cache. Once a request has waited that long, the data does not wait again
// (answered from the cache at once) until the network answers something. Either way the network's
// answer, when it comes, refreshes the cached data for the next start.
const NETWORK_WAIT_MS = 1000;
let networkSlow = false;

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

// The network's response if it comes within `waitMs`; else (or offline) the cached one, while the
// network's answer is still awaited in the background. Without a cached copy, the network it is.
// `cached(timedOut)` says whether the network was too slow (lie-fi) rather than absent (offline).
function networkWithin(event, network, waitMs, cached) {
  const answered = network.then((response) => { networkSlow = false; return response; });
  event.waitUntil(answered.catch(() => {}));
  let timer;
  const deadline = new Promise((resolve) => { timer = setTimeout(() => resolve(null), waitMs); });
  const fallback = (timedOut) => cached(timedOut).then((hit) => hit || answered);
  return Promise.race([answered, deadline]).then((response) => {
    clearTimeout(timer);
    if (response) return response;
    networkSlow = true;
    return fallback(true);
  }, () => fallback(false));
}

// After the data was answered from the cache because the network was too slow: asks the network
// again every few seconds (each try cut off, so that lie-fi does not pile up connections) until it
// answers; newer data goes into the cache and the open pages are told, so they apply it quietly.
// Gives up after 5 minutes. (Offline, the next start asks the network anyway.)
const RETRY_MS = 5000;
async function refreshDataLater(servedText) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  for (let i = 0; i < 30; i++) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), RETRY_MS);
    try {
      const response = await fetch(`${DATA}?v=${VERSION}`, { cache: 'no-cache', signal: abort.signal });
      const text = response.ok ? await response.clone().text() : null;
      clearTimeout(timer);
      if (text !== null) {
        networkSlow = false;
        if (text === servedText) return;
        await (await caches.open(CACHE)).put(DATA, response);
        for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'data-updated' });
        return;
      }
    } catch (e) {
      clearTimeout(timer);
    }
    await sleep(RETRY_MS);
  }
}

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

  // The page: network first (a deployed version is seen at once), this version's copy offline or
  // when the network does not answer in time.
  if (request.mode === 'navigate' || path === '' || path === 'index.html') {
    event.respondWith(networkWithin(event, fetch(request), NETWORK_WAIT_MS, () => caches.match('index.html', { cacheName: CACHE })));
    return;
  }
  // A file asked for by a page of another version (its ?v= differs): straight from the network,
  // so that page gets its own version's files and never this one's.
  const wanted = url.searchParams.get('v');
  if (wanted && wanted !== VERSION) return;
  // The data: fresh when online (fees can change without a new app), the cached copy offline.
  if (path === DATA) {
    const network = fetch(request, { cache: 'no-cache' }).then((response) => {
      if (!response.ok) return response;
      return caches.open(CACHE).then((cache) => cache.put(DATA, response.clone())).then(() => response);
    });
    let served = null;  // the cached copy, when it was the answer because the network was too slow
    const answer = networkWithin(event, network, networkSlow ? 0 : NETWORK_WAIT_MS, (timedOut) =>
      caches.match(DATA, { cacheName: CACHE }).then((hit) => { if (timedOut && hit) served = hit.clone(); return hit; }));
    event.respondWith(answer);
    event.waitUntil(answer.then(() => served && served.text().then(refreshDataLater)).catch(() => {}));
    return;
  }
  // Everything else of this version: from the cache (kept with its Content-Type), else the network.
  event.respondWith(caches.match(path, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
