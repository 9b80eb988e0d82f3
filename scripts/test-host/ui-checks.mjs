// UI smoke checks with Playwright on the same code-server host: what a person sees. Screenshots
// go to test-results/ (ignored by git).
import { join } from 'node:path';

async function check(name, fn, results) {
  const started = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`  ✓ UI: ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.failed++;
    console.error(`  ✗ UI: ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
  }
}

async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** `url` opens the workspace with the extension under development loaded (no tests). */
export async function runUiChecks({ browser, url, resultsDir }) {
  const results = { passed: 0, failed: 0 };
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const shot = (name) => page.screenshot({ path: join(resultsDir, `${name}.png`) });
  try {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });

    await check('a squiggle under INSERTBUCKETNAME in an open policy', async () => {
      await quickOpen(page, 'currents-placeholder.json');
      await page.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      const count = await page.locator('.squiggly-error').count();
      if (count < 2) throw new Error(`expected 2 error squiggles, saw ${count}`);
      await shot('squiggles');
    }, results);

    await check('its row in the Problems panel', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'INSERTBUCKETNAME' }).first();
      await row.waitFor({ timeout: 15_000 });
      const text = await row.innerText();
      if (!/placeholder|braze-s3/.test(await page.locator('.markers-panel').innerText())) throw new Error(`no braze-s3 rows: ${text}`);
      await shot('problems-panel');
    }, results);

    await check('the quick-fix menu offers "Replace INSERTBUCKETNAME with bucket name…"', async () => {
      await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 }, force: true });
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.type('11:35');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget', { hasText: 'INSERTBUCKETNAME' }).first();
      await item.waitFor({ timeout: 15_000 });
      await shot('quick-fix-menu');
      await page.keyboard.press('Escape');
    }, results);

    await check('the Braze S3 account view lists the demo buckets', async () => {
      await page.locator('.activitybar [aria-label^="Braze S3"]').first().click();
      await page.locator('.monaco-list-row', { hasText: 'acme-braze-currents' }).first().waitFor({ timeout: 30_000 });
      await page.locator('.monaco-list-row', { hasText: 'Roles' }).first().waitFor({ timeout: 10_000 });
      await shot('account-view');
    }, results);
  } catch (error) {
    results.failed++;
    console.error(`  ✗ UI: the workbench did not load: ${error?.message ?? error}`);
    await shot('ui-failure').catch(() => {});
  } finally {
    await page.close();
  }
  return results;
}
