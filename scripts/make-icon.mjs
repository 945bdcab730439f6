// Draws images/icon.png (128x128 RGBA): a blue tile with three task rows and a clock badge.
// Written with node:zlib so no image tool is needed; run `node scripts/make-icon.mjs` after edits.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const S = 128;
const px = new Uint8Array(S * S * 4);
const put = (x, y, [r, g, b], a = 255) => {
  const i = (y * S + x) * 4;
  const k = a / 255;
  px[i] = Math.round(r * k + px[i] * (1 - k));
  px[i + 1] = Math.round(g * k + px[i + 1] * (1 - k));
  px[i + 2] = Math.round(b * k + px[i + 2] * (1 - k));
  px[i + 3] = Math.max(px[i + 3], a);
};
// Coverage of a rounded rectangle, 4x4 supersampled for smooth edges.
const inRound = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const fill = (inside, color) => {
  for (let y = 0; y < S; y++)
    for (let x = 0; x < S; x++) {
      let n = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) n++;
      if (n) put(x, y, typeof color === 'function' ? color(x, y) : color, Math.round((255 * n) / 16));
    }
};
fill((x, y) => inRound(x, y, 4, 4, 124, 124, 22), (x, y) => [22 + (y / S) * 10, 93 + (x / S) * 40, 196 + (y / S) * 30]);
for (const [row, w] of [[30, 64], [54, 52], [78, 40]]) {
  fill((x, y) => inRound(x, y, 20, row, 30, row + 10, 3), [255, 255, 255]);
  fill((x, y) => inRound(x, y, 38, row, 38 + w, row + 10, 5), [214, 232, 255]);
}
const ring = (x, y) => ((x - 92) ** 2 + (y - 92) ** 2) <= 26 ** 2;
fill(ring, [255, 176, 32]);
fill((x, y) => ((x - 92) ** 2 + (y - 92) ** 2) <= 20 ** 2, [255, 255, 255]);
fill((x, y) => x >= 89.5 && x <= 94.5 && y >= 76 && y <= 94, [40, 60, 90]);
fill((x, y) => x >= 89.5 && x <= 105 && y >= 89.5 && y <= 94.5, [40, 60, 90]);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) {
  raw[y * (S * 4 + 1)] = 0; // filter: none
  Buffer.from(px.buffer, y * S * 4, S * 4).copy(raw, y * (S * 4 + 1) + 1);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png ${png.length} bytes`);
