// `npm run teams:icons`: draw the Teams app icons into adapters/teams/app-package/ (Teams wants a 192×192 colour icon
// and a 32×32 white-on-transparent outline icon). The PNGs are committed; run this only to change them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type Rgba } from './png.js';

type Paint = (x: number, y: number) => [number, number, number, number] | null;

const accent: [number, number, number, number] = [0x2e, 0x5a, 0xac, 255];
const white: [number, number, number, number] = [255, 255, 255, 255];

function draw(size: number, paint: Paint): Rgba {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) pixels.set(paint(x / size, y / size) ?? [0, 0, 0, 0], (y * size + x) * 4);
  }
  return { width: size, height: size, pixels };
}

// A speech bubble with three dots: a rounded box, a tail at the lower left.
function inBubble(u: number, v: number, inset = 0): boolean {
  const [x0, y0, x1, y1, r] = [0.18 + inset, 0.22 + inset, 0.82 - inset, 0.68 - inset, 0.1];
  const cx = Math.min(Math.max(u, x0 + r), x1 - r);
  const cy = Math.min(Math.max(v, y0 + r), y1 - r);
  const inBox = (u - cx) ** 2 + (v - cy) ** 2 <= r * r && u >= x0 && u <= x1 && v >= y0 && v <= y1;
  const inTail = inset === 0 && v >= 0.66 && v <= 0.82 && u >= 0.3 && u <= 0.3 + (0.82 - v) * 0.9;
  return inBox || inTail;
}

function isDot(u: number, v: number): boolean {
  return [0.34, 0.5, 0.66].some((cx) => (u - cx) ** 2 + (v - 0.45) ** 2 <= 0.05 ** 2);
}

const dir = path.resolve(import.meta.dirname, '../adapters/teams/app-package');
const color = draw(192, (u, v) => (inBubble(u, v) ? (isDot(u, v) ? accent : white) : accent));
const outline = draw(32, (u, v) => (inBubble(u, v) && (!inBubble(u, v, 0.09) || isDot(u, v)) ? white : null));
writeFileSync(path.join(dir, 'color.png'), encodePng(color));
writeFileSync(path.join(dir, 'outline.png'), encodePng(outline));
console.log(`wrote ${dir}/color.png (192×192) and outline.png (32×32)`);
