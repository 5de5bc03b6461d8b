/**
 * Receipt photos as real JPEG (jpeg-js) and PNG (pngjs) files: a "paper slip" with deterministic
 * dark text-like bars, so each variant has distinct, stable bytes.
 */
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';

const { PNG } = pngjs;

/** Draws an RGBA receipt slip of `width`×`height` whose bar pattern depends on `variant`. */
function drawSlip(width: number, height: number, variant: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / 10);
    const barLength = ((row * 37 + variant * 53) % (width - 30)) + 10;
    const isTextRow = y % 10 < 5 && y > 12 && y < height - 12;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const ink = isTextRow && x >= 12 && x < 12 + barLength;
      const shade = ink ? 40 + variant * 10 : 246 - ((x + y) % 7);
      data[i] = shade;
      data[i + 1] = shade;
      data[i + 2] = ink ? shade : shade - 8;
      data[i + 3] = 255;
    }
  }
  return data;
}

/** A JPEG receipt photo (baseline, quality 80). */
export function buildJpegReceipt(variant: number, width = 96, height = 160): Uint8Array {
  const encoded = jpeg.encode({ data: drawSlip(width, height, variant), width, height }, 80);
  return new Uint8Array(encoded.data);
}

/** A PNG receipt scan (8-bit RGBA). */
export function buildPngReceipt(variant: number, width = 96, height = 160): Uint8Array {
  const png = new PNG({ width, height });
  drawSlip(width, height, variant).copy(png.data);
  return new Uint8Array(PNG.sync.write(png));
}
