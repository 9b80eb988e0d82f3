// UI smoke checks with Playwright on the same code-server host: what a person sees. Screenshots
// go to test-results/ (ignored by git).
import { join } from 'node:path';

export async function check(name, fn, results, page, dir) {
  const started = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`  ✓ UI: ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.failed++;
    console.error(`  ✗ UI: ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
    if (page && dir) await page.screenshot({ path: join(dir, `failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`) }).catch(() => {});
  }
}

export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(fileName);
  // Wait for the file itself: recently opened files are listed before the search answers.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/**
 * Hovers the first error squiggle and returns the hover widget's text once it contains `expected`.
 * The editor may still move under the mouse (a code lens appearing pushes the lines down), so each
 * attempt re-reads where the squiggle is and moves the mouse away and back onto it.
 */
async function hoverSquiggle(page, expected) {
  const squiggle = page.locator('.squiggly-error').first();
  const hover = page.locator('.monaco-hover', { hasText: expected }).first();
  for (let attempt = 1; ; attempt++) {
    await squiggle.waitFor({ state: 'visible', timeout: 15_000 });
    const box = await squiggle.boundingBox();
    if (box) {
      await page.mouse.move(5, 5);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      try {
        await hover.waitFor({ state: 'visible', timeout: 4_000 });
        await page.waitForTimeout(400); // let the hover finish fading in before a screenshot
        return hover.innerText();
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    } else if (attempt >= 20) {
      throw new Error('no squiggle to hover');
    } else {
      await page.waitForTimeout(250); // re-rendering its decorations after a layout change
    }
  }
}

/**
 * Opens the quick-fix menu on line 11, column 35 (INSERTBUCKETNAME), waits for `title`, takes
 * the screenshot `shotName` and closes the menu.
 */
async function screenshotQuickFixMenu(page, title, shot, shotName) {
  await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 }, force: true });
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type('11:35');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await shot(shotName);
  await page.keyboard.press('Escape');
}

/**
 * Opens `url` in a new page, waits for the workbench, runs `body` (its checks count into the
 * returned results) and closes the page; a workbench that never loads counts as one failure.
 */
async function onWorkbench({ browser, url, resultsDir, label, failureShot, locale }, body) {
  const results = { passed: 0, failed: 0 };
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, ...(locale ? { locale } : {}) });
  const shot = (name) => page.screenshot({ path: join(resultsDir, `${name}.png`) });
  try {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
    await body({ page, shot, results });
  } catch (error) {
    results.failed++;
    console.error(`  ✗ ${label}: the workbench did not load: ${error?.message ?? error}`);
    await shot(failureShot).catch(() => {});
  } finally {
    await page.close();
  }
  return results;
}

/** `url` opens the workspace with the extension under development loaded (no tests). */
export async function runUiChecks({ browser, url, resultsDir }) {
  return onWorkbench({ browser, url, resultsDir, label: 'UI', failureShot: 'ui-failure' }, async ({ page, shot, results }) => {
    await check('a squiggle under INSERTBUCKETNAME in an open policy', async () => {
      await quickOpen(page, 'currents-placeholder.json');
      await page.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      const count = await page.locator('.squiggly-error').count();
      if (count < 2) throw new Error(`expected 2 error squiggles, saw ${count}`);
      await shot('squiggles');
    }, results, page, resultsDir);

    await check('its row in the Problems panel', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'INSERTBUCKETNAME' }).first();
      await row.waitFor({ timeout: 15_000 });
      const text = await row.innerText();
      if (!/placeholder|braze-s3/.test(await page.locator('.markers-panel').innerText())) throw new Error(`no braze-s3 rows: ${text}`);
      await shot('problems-panel');
    }, results, page, resultsDir);

    await check('the quick-fix menu offers "Replace INSERTBUCKETNAME with bucket name…"', async () => {
      await screenshotQuickFixMenu(page, 'Replace INSERTBUCKETNAME with bucket name', shot, 'quick-fix-menu');
    }, results, page, resultsDir);

    await check('the hover on the squiggle explains the placeholder', async () => {
      await page.keyboard.press('Control+Shift+M'); // close the Problems panel: room for the hover
      const text = await hoverSquiggle(page, 'Replace the template placeholder');
      if (!text.includes('INSERTBUCKETNAME')) throw new Error(`hover without the placeholder: ${text.slice(0, 200)}`);
      await shot('hover');
      await page.mouse.move(5, 5);
    }, results, page, resultsDir);

    await check('the Braze S3 account view lists the demo buckets', async () => {
      const icon = page.locator('.activitybar [aria-label^="Braze S3"]').first();
      await icon.waitFor({ timeout: 30_000 });
      await icon.click();
      const bucketRow = page.locator('.monaco-list-row', { hasText: 'acme-braze-currents' }).first();
      try {
        await bucketRow.waitFor({ timeout: 20_000 });
      } catch {
        // The first listing loads the AWS bundle; if the view rendered before it was ready, refresh once.
        await page.locator('.pane-header [aria-label^="Refresh"], .title-actions [aria-label^="Refresh"]').first().click();
        await bucketRow.waitFor({ timeout: 20_000 });
      }
      await page.locator('.monaco-list-row', { hasText: 'Roles' }).first().waitFor({ timeout: 10_000 });
      await shot('account-view');
    }, results, page, resultsDir);
    await check('right-click a role ARN > Verify role ARN verifies that ARN (no ARN prompt), report shown', async () => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .view-lines').first().click(); // focus the editor, not the tree
      await quickOpen(page, 'partner-roles.md');
      await page.locator('.tab', { hasText: 'partner-roles.md' }).first().waitFor({ timeout: 15_000 });
      const arn = page.locator('.view-lines span', { hasText: 'role/braze-currents-export' }).first();
      await arn.waitFor({ timeout: 15_000 });
      // Right-clicked as soon as the text shows: the item must be there on the first right-click.
      await arn.click({ button: 'right' });
      const item = page.locator('.context-view .action-item', { hasText: 'Verify role ARN' }).first();
      await item.waitFor({ timeout: 10_000 });
      await shot('verify-role-context-menu');
      await item.click();
      const input = page.locator('.quick-input-widget input');
      // The next question is the integration: the ARN was taken from the editor, not asked for.
      await page.getByRole('option', { name: /Currents/ }).first().waitFor({ timeout: 15_000 });
      if (await page.locator('.quick-input-widget', { hasText: 'Role ARN' }).isVisible()) throw new Error('asked for the ARN');
      await page.getByRole('option', { name: /Currents/ }).first().click();
      await page.getByRole('option', { name: 'acme-braze-currents' }).first().waitFor({ timeout: 15_000 });
      await input.fill('acme-braze-currents');
      await page.getByRole('option', { name: 'acme-braze-currents' }).first().click();
      // The wizard reuses one widget: wait for the folder step itself before pressing Enter.
      await page.locator('.quick-input-widget:visible .quick-input-titlebar', { hasText: 'Folder path' }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter'); // folder: currents
      // The report opens as a rendered Markdown preview beside the editor.
      const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await preview.locator('h1', { hasText: '✓ Verify role ARN' }).waitFor({ timeout: 30_000 });
      await preview.locator('code', { hasText: 'role/braze-currents-export' }).first().waitFor({ timeout: 10_000 });
      await preview.locator('li', { hasText: 'Trust policy' }).first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      await shot('verify-role-report');
    }, results, page, resultsDir);
    await check('Test credentials on a bucket is one multi-step input: step x of n, Back keeps the answers', async () => {
      await page.keyboard.press('Escape');
      const bucket = page.locator('.monaco-list-row', { hasText: 'acme-braze-exports' }).first();
      await bucket.click({ button: 'right' });
      const item = page.locator('.context-view .action-item', { hasText: 'Test credentials' }).first();
      await item.waitFor({ timeout: 10_000 });
      await page.waitForTimeout(300); // the menu fades in: a click during it can be lost
      await item.click();
      const title = page.locator('.quick-input-widget:visible .quick-input-titlebar');
      const expectTitle = async (re) => {
        for (let i = 0; i < 50; i++) {
          const t = await title.innerText().catch(() => '');
          if (re.test(t)) return t;
          await page.waitForTimeout(100);
        }
        throw new Error(`quick input title "${await title.innerText().catch(() => '')}" does not match ${re}`);
      };
      // Bucket given: integration, folder, SSE, credentials. The total is fixed from the start: a
      // dashboard export skips the folder's number rather than changing "of 4".
      await expectTitle(/Which integration\?.*1\/4/s);
      await page.getByRole('option', { name: /dashboard/i }).first().click();
      await expectTitle(/Server-side encryption.*3\/4/s);
      await page.locator('.quick-input-titlebar .action-label[aria-label="Back"], .quick-input-titlebar .codicon-quick-input-back').first().click();
      await expectTitle(/Which integration\?.*1\/4/s);
      await page.getByRole('option', { name: /Currents/ }).first().click();
      await expectTitle(/Folder path.*2\/4/s); // Currents: the folder step
      await shot('wizard-step');
      await page.keyboard.press('Enter');
      await expectTitle(/Server-side encryption.*3\/4/s);
      await page.getByRole('option', { name: /No server-side encryption/ }).first().click();
      await expectTitle(/Which credentials.*4\/4/s);
      await page.getByRole('option', { name: /current AWS profile/ }).first().click();
      await page.locator('.tab', { hasText: /Preview\]? test-credentials-\d+\.md/ }).first().waitFor({ timeout: 30_000 });
      await page.locator('.notifications-toasts', { hasText: 'Test credentials: every check passed.' }).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1500);
      await shot('test-credentials-report');
    }, results, page, resultsDir);
    await check('Rotate access key… on an IAM user: Test credentials with the new key, the secret shown once, the old key deactivated', async () => {
      await page.keyboard.press('Escape');
      const user = page.locator('.monaco-list-row', { hasText: 'braze-currents-writer' }).first();
      await user.waitFor({ timeout: 20_000 });
      await user.click({ button: 'right' });
      const rotate = page.locator('.context-view .action-item', { hasText: 'Rotate access key' }).first();
      await rotate.waitFor({ timeout: 10_000 });
      await page.waitForTimeout(300); // the menu fades in: a click during it can be lost
      await rotate.click();
      const input = page.locator('.quick-input-widget input');
      await page.getByRole('option', { name: /Currents/ }).first().click({ timeout: 20_000 });
      await page.getByRole('option', { name: 'acme-braze-currents' }).first().waitFor({ timeout: 15_000 });
      await input.fill('acme-braze-currents');
      await page.getByRole('option', { name: 'acme-braze-currents' }).first().click();
      await page.locator('.quick-input-widget:visible .quick-input-titlebar', { hasText: 'Folder path' }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter'); // folder: currents
      await page.getByRole('option', { name: /No server-side encryption/ }).first().click({ timeout: 10_000 });
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'New access key for braze-currents-writer' });
      await dialog.waitFor({ timeout: 30_000 });
      const text = await dialog.innerText();
      if (!/Secret access key: \S{40}/.test(text)) throw new Error(`no secret in the hand-over dialog: ${text.slice(0, 300)}`);
      await shot('rotate-key-handover');
      await dialog.locator('.monaco-button', { hasText: 'The partner now uses the new key' }).click();
      await page.locator('.notifications-toasts', { hasText: /Rotated: AKIA\w+ is active; AKIA\w+ is deactivated/ }).first().waitFor({ timeout: 15_000 });
      await shot('rotate-key-done');
    }, results, page, resultsDir);
    await check('the walkthrough in English only; "Choose how the partner authenticates" offers the two methods', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill('>Welcome: Open Walkthrough');
      await page.getByRole('option', { name: /Open Walkthrough/ }).first().click();
      await page.getByRole('option', { name: /Connect an S3 bucket to Braze/ }).first().waitFor({ timeout: 10_000 });
      await page.getByRole('option', { name: /Connect an S3 bucket to Braze/ }).first().click();
      const step = page.locator('.getting-started-step', { hasText: 'Choose how the partner authenticates' }).first();
      await step.waitFor({ timeout: 15_000 });
      await step.click();
      await page.locator('.getting-started-step.expanded a, .getting-started-step.expanded .button-link', { hasText: 'Role ARN' }).first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(800);
      const text = await page.locator('.gettingStartedContainer').first().innerText();
      if (/contenedor|Elige|socio/.test(text)) throw new Error('Spanish text in the English walkthrough');
      await shot('walkthrough');
      await page.keyboard.press('Control+W');
      await page.locator('.monaco-editor .view-lines').first().click(); // focus back on the workbench, not a webview
    }, results, page, resultsDir);
    await check('a Terraform file: the squiggle under the mistyped action inside its HCL list, and its quick fix', async () => {
      await page.keyboard.press('Escape');
      await quickOpen(page, 'braze-currents.tf');
      await page.locator('.view-lines', { hasText: 'aws_iam_policy_document' }).first().waitFor({ timeout: 15_000 });
      await page.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 }, force: true });
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.type('22:12');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget', { hasText: 'Replace with "s3:GetObject"' }).first().waitFor({ timeout: 15_000 });
      await shot('terraform-quick-fix');
      await page.keyboard.press('Escape');
    }, results, page, resultsDir);

    await check('"New policy file…" driven through the command palette and its quick picks', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill('>Braze S3: New policy file');
      await page.getByRole('option', { name: /New policy file/ }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      const pick = async (label) => {
        await page.getByRole('option', { name: label }).first().waitFor({ timeout: 15_000 });
        await input.fill(typeof label === 'string' ? label : '');
        await page.getByRole('option', { name: label }).first().click();
      };
      await pick('Currents');
      await pick('AWS secret access key');
      await pick('acme-braze-currents'); // listed from the account (moto)
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.press('Enter'); // folder path: default "currents"
      await pick('Only the folder');
      await page.locator('.view-lines', { hasText: 'acme-braze-currents/currents/*' }).first().waitFor({ timeout: 15_000 });
      await shot('new-policy-file');
    }, results, page, resultsDir);
  });
}

/**
 * The same squiggles, hover and quick-fix menu with VS Code's display language set to Spanish:
 * every text the extension shows there must be its Spanish version.
 */
export async function runSpanishUiChecks({ browser, url, resultsDir }) {
  return onWorkbench({ browser, url, resultsDir, label: 'UI (es)', failureShot: 'es-ui-failure', locale: 'es-ES' }, async ({ page, shot, results }) => {
    await check('es: squiggles under INSERTBUCKETNAME, with the Spanish message in the hover', async () => {
      await quickOpen(page, 'currents-placeholder.json');
      await page.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      // The code lens arrives after the squiggles and pushes the lines down: wait for it (in Spanish).
      await page.locator('.codelens-decoration', { hasText: 'comprobada como Currents' }).first().waitFor({ timeout: 15_000 });
      await shot('es-squiggles');
      const text = await hoverSquiggle(page, 'Sustituye el marcador de la plantilla');
      if (text.includes('Replace the template placeholder')) throw new Error('the hover also shows the English message');
      await shot('es-hover');
      await page.mouse.move(5, 5);
    }, results, page, resultsDir);
    await check('es: the quick-fix menu in Spanish', async () => {
      await screenshotQuickFixMenu(page, 'Sustituir INSERTBUCKETNAME por el nombre del contenedor', shot, 'es-quick-fix-menu');
    }, results, page, resultsDir);
    await check('es: the walkthrough in Spanish only, with the two method buttons', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill('>Open Walkthrough');
      await page.getByRole('option', { name: /Walkthrough/ }).first().click();
      await page.getByRole('option', { name: /Conectar un contenedor de S3 con Braze/ }).first().click({ timeout: 10_000 });
      const step = page.locator('.getting-started-step', { hasText: 'Elige cómo se autentica el socio' }).first();
      await step.waitFor({ timeout: 15_000 });
      await step.click();
      await page.locator('.getting-started-step.expanded a, .getting-started-step.expanded .button-link', { hasText: 'ARN de rol' }).first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(800);
      const text = await page.locator('.gettingStartedContainer').first().innerText();
      if (/Choose how the partner|Secret key or role ARN|an IAM user with the policy/.test(text)) throw new Error('English text in the Spanish walkthrough');
      await shot('es-walkthrough');
      await page.keyboard.press('Control+W');
      await page.locator('.monaco-editor .view-lines').first().click(); // focus back on the workbench, not a webview
    }, results, page, resultsDir);
    await check('es: the command titles in the palette come from package.nls.es.json', async () => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill('>Braze S3');
      await page.getByRole('option', { name: /Nuevo archivo de política/ }).first().waitFor({ timeout: 10_000 });
      await shot('es-command-palette');
      await page.keyboard.press('Escape');
    }, results, page, resultsDir);
  });
}
