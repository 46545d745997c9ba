#!/usr/bin/env node
// Opens the app once in a Chromium whose V8 reports each WebAssembly function it compiles
// (--trace-wasm-compilation-times), and stays until a second after the app is shown. V8 prints
// those reports on the browser's standard output, which Playwright passes on to this process's
// standard error only under DEBUG=pw:browser, read when Playwright loads: so compilation.test.mjs
// runs this file as a child process with that variable set and reads the reports from there.
//   DEBUG=pw:browser node compilations.mjs desktop|phone
import { PHONE, launch, openApp, startServer } from './harness.mjs';

const TRACE = '--js-flags=--trace-wasm-compilation-times';
const device = process.argv[2] === 'phone' ? PHONE : {};  // launch()'s default: a desktop with a mouse

const server = await startServer();
const b = await launch({ ...device, args: [TRACE] });
try {
  await openApp(b.page, server.url);
  await b.page.waitForTimeout(1000);
} finally {
  await b.close();
  await server.stop();
}
