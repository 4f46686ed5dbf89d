#!/usr/bin/env node
// `node scripts/make-icons.js`: draws the add-in's icon (three overlapping circles, white on teal) as PNG at every
// size Microsoft's add-in icon guidance lists (docs: design/add-in-icons, "Sizes": 16, 20, 24, 32, 40, 48, 64, 80,
// 96 px; 16, 20 and 32 required), with that guidance's padding per size, plus 128 px for listings.
// 4×4 supersampling gives anti-aliased edges; PNG, 32-bit RGBA, transparent outside the tile (as the guidance asks).
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");

/** Size → padding in px, from the guidance's padding table. */
const SIZES = { 16: 0, 20: 1, 24: 1, 32: 2, 40: 2, 48: 3, 64: 4, 80: 5, 96: 6, 128: 8 };
const TEAL = [0, 90, 100];
const SS = 4;

function draw(size, pad) {
  const png = new PNG({ width: size, height: size });
  const inner = size - 2 * pad;
  const radius = 0.08 * inner; // corner radius of the tile
  const circles = [
    [0.36, 0.4, 0.2],
    [0.64, 0.4, 0.2],
    [0.5, 0.64, 0.2],
  ].map(([x, y, r]) => [pad + x * inner, pad + y * inner, r * inner]);
  const inTile = (x, y) => {
    const cx = Math.min(Math.max(x, pad + radius), pad + inner - radius);
    const cy = Math.min(Math.max(y, pad + radius), pad + inner - radius);
    return x >= pad && x <= pad + inner && y >= pad && y <= pad + inner && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let white = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS;
          const y = py + (sy + 0.5) / SS;
          if (!inTile(x, y)) continue;
          tile++;
          if (circles.some(([cx, cy, r]) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r)) white++;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = tile / (SS * SS);
      const w = tile ? white / tile : 0;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(TEAL[c] * (1 - w) + 255 * w);
      png.data[i + 3] = Math.round(255 * alpha);
    }
  }
  return PNG.sync.write(png);
}

if (require.main === module) {
  const out = path.resolve(__dirname, "..", "assets");
  for (const [size, pad] of Object.entries(SIZES)) {
    fs.writeFileSync(path.join(out, `icon-${size}.png`), draw(Number(size), pad));
    console.log(`assets/icon-${size}.png`);
  }
}

module.exports = { SIZES, draw };
