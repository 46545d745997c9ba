// The page's side of src/core/palette.h: its colours as CSS custom properties, light and dark
// (scripts/build_site.mjs writes them into web/app.css), and by name for the page's meta tags.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { xMacroRows } from './x_macros.mjs';

const HEADER = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core', 'palette.h');
const hex = (value) => `#${Number(value).toString(16).padStart(6, '0')}`;

// {name: {light, dark, css}} in palette.h's order, colours as "#rrggbb".
export function readPalette(header = HEADER) {
  return Object.fromEntries(xMacroRows(header, 'IIIFC_PALETTE').map(([name, light, dark, css]) => [name, { light: hex(light), dark: hex(dark), css }]));
}

// The custom properties of the colours the page uses, for the light scheme and the dark one.
export function paletteCss(palette = readPalette()) {
  const used = Object.values(palette).filter((c) => c.css);
  const properties = (scheme) => used.map((c) => `--${c.css}: ${c[scheme]};`).join(' ');
  return `:root { ${properties('light')} }\n@media (prefers-color-scheme: dark) { :root { ${properties('dark')} } }`;
}
