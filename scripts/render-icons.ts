/**
 * Renders assets/icon.svg to the PNGs packaging needs (`npm run icons`):
 *   assets/icons/<n>x<n>.png  for the Linux icon folder electron-builder reads (16 … 1024)
 *   assets/icon.png           1024 px, converted by electron-builder to .icns (macOS) and .ico (Windows)
 * with the system Chromium through Playwright (no browser download). The PNGs are committed; rerun after editing
 * the SVG.
 */
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'assets', 'icon.svg');
const outDir = path.join(root, 'assets', 'icons');
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

function pageFor(svg: string, size: number): string {
  // Inline SVG sized by CSS: the browser rasterises it at exactly `size` device pixels.
  return `<!doctype html><html><head><style>
    html, body { margin: 0; padding: 0; background: transparent; }
    svg { display: block; width: ${size}px; height: ${size}px; }
  </style></head><body>${svg}</body></html>`;
}

async function main(): Promise<void> {
  const svg = fs.readFileSync(source, 'utf8');
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(pageFor(svg, size));
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      const file = path.join(outDir, `${size}x${size}.png`);
      fs.writeFileSync(file, png);
      if (size === 1024) fs.writeFileSync(path.join(root, 'assets', 'icon.png'), png);
      console.log(`${path.relative(root, file)} (${png.length} bytes)`);
    }
    await context.close();
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
