// Selecting and copying the text the canvas shows, as on a web page: a double click selects a
// word (here the address, staff@iiif.io), a triple click the paragraph, a drag from one place to another; the
// selection is drawn on the canvas and is the page's selection, which Ctrl+C copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, settle, startServer, steadyShot } from './harness.mjs';

const INTRO = 'To join the IIIF Consortium, send an email to staff@iiif.io with your intent to join. This form writes the email for you.';

// Where the canvas draws the words `text` of the paragraph that holds them: the semantics tree's
// paragraph is over it, and the app draws its text from the paragraph's left edge.
const paragraphRect = (page, text) => page.evaluate((t) => {
  const p = [...document.querySelectorAll('#semantics p')].find((el) => el.textContent === t);
  const r = p.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}, text);

async function copied(page) {
  await page.keyboard.press('Control+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a double click on the address selects it, drawn on the canvas, and Ctrl+C copies it; a triple click the paragraph; a drag a part', async () => {
  const server = await startServer();
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await openApp(b.page, server.url, '#/join');
    await settle(b.page);
    const r = await paragraphRect(b.page, INTRO);
    const line = { x: Math.floor(r.x), y: Math.floor(r.y), width: Math.ceil(r.width), height: Math.ceil(r.height) };
    const before = await steadyShot(b.page, line);
    // The address: its place measured in the app's own font, as the test build reports the text's width.
    const at = await b.page.evaluate(() => window.portalTest.textWidth('To join the IIIF Consortium, send an email to sta'));
    await b.page.mouse.dblclick(r.x + at, r.y + r.height / 2);
    await settle(b.page);
    assert.equal(await b.page.evaluate(() => document.getSelection().toString()), 'staff@iiif.io');
    assert.notDeepEqual(await steadyShot(b.page, line), before);  // drawn on the canvas
    assert.equal(await copied(b.page), 'staff@iiif.io');

    await b.page.mouse.click(r.x + at, r.y + r.height / 2, { clickCount: 3 });
    await settle(b.page);
    assert.equal(await copied(b.page), INTRO);

    // A drag from the start of the paragraph to the address's start.
    await b.page.mouse.move(r.x + 1, r.y + r.height / 2);
    await b.page.mouse.down();
    await b.page.mouse.move(r.x + at / 2, r.y + r.height / 2, { steps: 4 });
    await b.page.mouse.move(r.x + (await b.page.evaluate(() => window.portalTest.textWidth('To join the IIIF Consortium, send an email to '))), r.y + r.height / 2, { steps: 4 });
    await b.page.mouse.up();
    await settle(b.page);
    assert.equal(await copied(b.page), 'To join the IIIF Consortium, send an email to ');

    // A click where there is no text clears it.
    await b.page.mouse.click(r.x + r.width + 40, r.y - 30);
    await settle(b.page);
    assert.equal(await b.page.evaluate(() => document.getSelection().toString()), '');
    assert.deepEqual(await steadyShot(b.page, line), before);
    assert.deepEqual(b.log.consoleErrors, []);
  } finally {
    await b.close();
    await server.stop();
  }
});

test('Shift+arrows in a text field select in its input and the canvas draws the selection; Ctrl+C copies it', async () => {
  const server = await startServer();
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await openApp(b.page, server.url, '#/join');
    const field = b.page.getByRole('textbox', { name: 'Institution' });
    await field.fill('Ghent University');
    const box = await field.boundingBox();
    const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.ceil(box.height) };
    // The canvas draws the caret at the selection's end: at the end of the text both times, once
    // alone, once with "University" selected.
    await b.page.keyboard.press('End');
    await settle(b.page);
    const caret = await steadyShot(b.page, clip);
    await b.page.keyboard.press('End');
    for (let i = 0; i < 10; i++) await b.page.keyboard.press('Shift+ArrowLeft');
    await settle(b.page);
    assert.deepEqual(await field.evaluate((el) => [el.selectionStart, el.selectionEnd]), [6, 16]);
    assert.notDeepEqual(await steadyShot(b.page, clip), caret);
    assert.equal(await copied(b.page), 'University');
  } finally {
    await b.close();
    await server.stop();
  }
});

test('on a touch screen a long press on the address selects it', async () => {
  const server = await startServer();
  const b = await launch({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  try {
    await openApp(b.page, server.url, '#/join');
    await settle(b.page);
    const r = await paragraphRect(b.page, INTRO);
    const x = r.x + (await b.page.evaluate(() => window.portalTest.textWidth('To join the IIIF Consortium, send an email to sta')));
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: r.y + r.height / 2 }] });
    await b.page.waitForTimeout(800);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await settle(b.page);
    assert.equal(await b.page.evaluate(() => document.getSelection().toString()), 'staff@iiif.io');
    // A short tap is still a tap: it selects nothing.
    await b.page.touchscreen.tap(x, r.y + r.height / 2);
    await settle(b.page);
    assert.equal(await b.page.evaluate(() => document.getSelection().toString()), '');
    assert.equal((await b.page.evaluate(() => window.portalTest.state())).view, 'join');
  } finally {
    await b.close();
    await server.stop();
  }
});
