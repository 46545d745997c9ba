// The screen's pixels for the tests that look at what the canvas draws: a screenshot decoded in
// the page itself (createImageBitmap, a 2D canvas), as there is no PNG decoder among the tests'
// packages. Colours as 'rrggbb'.

// Counts of each colour in the screenshot of `clip` (the whole viewport without one), most frequent first.
export async function colourCounts(page, clip) {
  const png = await page.screenshot(clip ? { clip } : {});
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = ((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]).toString(16).padStart(6, '0');
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]);
  }, png.toString('base64'));
}

// The device's value of CSS colours (system colours such as 'Canvas', 'CanvasText'), as 'rrggbb'.
export async function cssColours(page, names) {
  return page.evaluate((list) => {
    const probe = document.createElement('span');
    document.body.appendChild(probe);
    const out = {};
    for (const name of list) {
      probe.style.color = name;
      const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
      out[name] = m.slice(1, 4).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
    }
    probe.remove();
    return out;
  }, names);
}
