// Writes the Marketplace images from their sources, with the headless Chromium the UI checks use:
//   media/icon.png            from media/icon.svg (256×256; the Marketplace wants a PNG ≥ 128×128)
//   media/readme/*.png        the README's screenshots, cropped from the UI checks' screenshots
//                             (run `npm run test:integration` first: test-results/*.png)
// node scripts/render-media.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = [
  // [source in test-results/, output in media/readme/, clip in the 1400×900 screenshot]
  ['quick-fix-menu.png', 'json-quick-fix.png', { x: 350, y: 40, width: 760, height: 420 }],
  ['terraform-quick-fix.png', 'terraform-quick-fix.png', { x: 0, y: 40, width: 1000, height: 520 }],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${readFileSync(join(root, 'media/icon.svg'), 'utf8')}`);
  await page.locator('svg').screenshot({ path: join(root, 'media/icon.png'), omitBackground: true });
  for (const [from, to, clip] of SHOTS) {
    const data = readFileSync(join(root, 'test-results', from)).toString('base64');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.setContent(`<style>html,body{margin:0}</style><img src="data:image/png;base64,${data}">`);
    await page.screenshot({ path: join(root, 'media/readme', to), clip });
  }
} finally {
  await browser.close();
}
console.log('render-media: media/icon.png, media/readme/*.png written');
