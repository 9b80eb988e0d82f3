// UI smoke checks with Playwright on the same code-server host: what a person sees. Screenshots
// go to test-results/ (ignored by git).
//
// The checks share one workbench, so each starts from a known layout (freshLayout: one editor
// group, no editor, no panel, no quick input) and acts only on the editor it opened (editorFor:
// the group whose active tab is that file), never on "the first editor" on the page. Waits are on
// conditions (an element, a title, a box that stopped moving), never a fixed time.
import { join } from 'node:path';

export async function check(name, fn, results, page, dir) {
  const started = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`  ✓ UI: ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.failed++;
    // Playwright's first line says only that a wait timed out; the call log names what it waited for.
    const lines = String(error?.message ?? error).split('\n');
    const waited = lines.find((l) => /waiting for /.test(l))?.replace(/\u001b\[\d+m/g, '').trim();
    console.error(`  ✗ UI: ${name}: ${lines[0]}${waited ? ` (${waited})` : ''}`);
    if (page && dir) await page.screenshot({ path: join(dir, `failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`) }).catch(() => {});
  }
}

/** Two rendered frames later: whatever the last action changed has been painted. */
function nextFrame(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Waits until an element is visible and has stopped moving and fading in: the same box on two
 * consecutive frames, and full opacity (its own and its ancestors'). Menus, hovers and lines pushed
 * down by a code lens take a few frames; a click during them can be lost.
 */
export async function settled(locator, timeout = 10_000) {
  await locator.waitFor({ state: 'visible', timeout });
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    const now = await locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      let opacity = 1;
      for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      return `${r.x},${r.y},${r.width},${r.height} opacity ${opacity}`;
    });
    if (now === last && now.endsWith('opacity 1')) return;
    if (Date.now() > deadline) throw new Error(`the element did not settle: ${now}`);
    last = now;
    await nextFrame(locator.page());
  }
}

/**
 * Opens the quick input with `key` (F1: commands, Control+P: files) and waits until its input has
 * the keyboard focus. Focus is first taken back from any webview (a Markdown preview, the
 * walkthrough): a key pressed while an iframe has the focus may never reach the workbench.
 */
async function openQuickInput(page, key) {
  const focused = () => page.waitForFunction(() => {
    const a = document.activeElement;
    return a instanceof HTMLInputElement && !!a.closest('.quick-input-widget');
  }, null, { timeout: 5_000 });
  for (let attempt = 1; ; attempt++) {
    await page.evaluate(() => {
      const a = document.activeElement;
      if (a instanceof HTMLElement && a !== document.body && !a.closest('.quick-input-widget')) a.blur();
    });
    await page.keyboard.press(key);
    try {
      await focused();
      return page.locator('.quick-input-widget input');
    } catch {
      if (attempt >= 4) throw new Error(`the quick input (${key}) did not get the keyboard focus`);
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Replaces the text of the focused quick input by typing, not with locator.fill: the focus is
 * already checked, and a locator may match the input of an older, hidden quick-input widget.
 */
async function typeInQuickInput(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** Runs a command from the palette by its title (VS Code's own titles stay English offline). */
export async function runCommand(page, title, { closes = true } = {}) {
  await openQuickInput(page, 'F1');
  await typeInQuickInput(page, `>${title}`);
  // The list re-filters as the text arrives: Enter only once the command is the focused row.
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  if (closes) await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}

/**
 * The known layout every check starts from: no quick input or menu, no panel, every editor group
 * closed (a locked report preview from an earlier check would take the next file's place), one
 * empty editor group. The side bar stays as it is (the account view checks use it).
 */
export async function freshLayout(page) {
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5); // no hover left open
  await runCommand(page, 'View: Close All Editor Groups');
  await runCommand(page, 'View: Single Column Editor Layout');
  const panelShown = () => page.evaluate(() => !!document.querySelector('.part.panel')?.checkVisibility());
  if (await panelShown()) await runCommand(page, 'View: Hide Panel');
  for (let attempt = 1; ; attempt++) {
    const state = await page.waitForFunction(() => {
      if (document.querySelector('.monaco-dialog-box')) return 'dialog';
      const groups = document.querySelectorAll('.editor-group-container');
      const panelShown = !!document.querySelector('.part.panel')?.checkVisibility();
      return groups.length === 1 && !groups[0].querySelector('.tab') && !panelShown ? 'clean' : false;
    }, null, { timeout: 5_000, polling: 100 }).then((h) => h.jsonValue(), () => 'stuck');
    if (state === 'clean') return;
    if (attempt > 6) throw new Error('the workbench did not return to one empty editor group');
    if (state === 'dialog') {
      // A modified editor asks before it closes; nothing here should be modified, and no dialog may stay up.
      await page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don't Save|No guardar/ }).first().click();
      continue;
    }
    // A webview (the walkthrough) can keep the palette's command from reaching the editors: close
    // what is left with its tab's own close button, then ask again.
    const close = page.locator('.tab .tab-actions .action-label').first();
    if (await close.isVisible().catch(() => false)) await close.click({ force: true }).catch(() => undefined);
    await runCommand(page, 'View: Close All Editor Groups').catch(() => undefined);
    if (await panelShown()) await runCommand(page, 'View: Hide Panel').catch(() => undefined);
  }
}

/**
 * The editor showing `fileName`: the editor group whose active tab is that file. Every locator
 * inside a check that edits or reads a file is taken from here.
 */
export function editorFor(page, fileName) {
  const group = page.locator('.editor-group-container').filter({ has: page.locator('.tab.active', { hasText: fileName }) });
  return group.locator('.editor-container .monaco-editor').first();
}

/** Opens a workspace file with Quick Open and returns its editor once it shows the file's text. */
export async function quickOpen(page, fileName, showing) {
  // A walkthrough that the previous check opened can come back after freshLayout found the
  // workbench empty (its page reopens while its step command settles) and take the keyboard: when
  // the file's editor does not show its text, start again from a fresh layout, up to three times.
  for (let attempt = 1; ; attempt++) {
    try {
      await openQuickInput(page, 'Control+P');
      await typeInQuickInput(page, fileName);
      // Wait for the file itself: recently opened files are listed before the search answers.
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      const editor = editorFor(page, fileName);
      const lines = editor.locator('.view-lines');
      await (showing ? lines.filter({ hasText: showing }) : lines.locator('.view-line')).first().waitFor({ timeout: 15_000 });
      return editor;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`    (quick open of ${fileName}, attempt ${attempt}: ${String(error?.message ?? error).split('\n')[0]}; starting again from a fresh layout)`);
      await freshLayout(page);
    }
  }
}

/** Opens the details page of the installed extension `displayName` from the Extensions view. */
export async function openExtensionDetails(page, displayName) {
  await runCommand(page, 'Extensions: Show Enabled Extensions');
  const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: displayName }).first();
  await settled(row, 30_000);
  // The list can still be filtering when the row shows: a click then only brings its hover.
  await clickRowUntil(() => row, page.locator('.extension-editor').first(), 30_000);
}

/**
 * Puts the cursor of `editor` at `line:column` with Go to Line, and waits until the status bar
 * says it is there (Go to Line refuses a line the document does not have).
 */
async function goTo(page, editor, line, column) {
  await editor.locator('.view-lines').click({ position: { x: 5, y: 5 }, force: true });
  await page.waitForFunction(() => !!document.activeElement?.closest('.monaco-editor'), null, { timeout: 10_000 });
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: new RegExp(`(Ln|Lín\\.) ${line}, Col ${column}\\b`) }).first().waitFor({ timeout: 10_000 });
}

/**
 * Hovers the first error squiggle of `editor` and returns the hover widget's text once it contains
 * `expected`. The editor may still move under the mouse (a code lens appearing pushes the lines
 * down), so each attempt waits for the squiggle to settle and moves the mouse away and back onto it.
 */
async function hoverSquiggle(page, editor, expected) {
  const squiggle = editor.locator('.squiggly-error').first();
  const hover = page.locator('.monaco-hover', { hasText: expected }).first();
  for (let attempt = 1; ; attempt++) {
    await settled(squiggle, 15_000);
    const box = await squiggle.boundingBox();
    await page.mouse.move(5, 5);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    try {
      await settled(hover, 4_000); // faded in: ready for a screenshot
      return hover.innerText();
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/**
 * Opens the quick-fix menu in `editor` on line 11, column 35 (INSERTBUCKETNAME), waits for
 * `title`, takes the screenshot `shotName` and closes the menu.
 */
async function screenshotQuickFixMenu(page, editor, title, shot, shotName) {
  await goTo(page, editor, 11, 35);
  await page.keyboard.press('Control+.');
  await settled(page.locator('.action-widget', { hasText: title }).first(), 15_000);
  await shot(shotName);
  await page.keyboard.press('Escape');
}

/**
 * Right-clicks `target` until its context menu offers `label` and returns that item once the menu
 * has settled. A menu is a snapshot of the context keys at the click: an item whose `when` clause
 * the extension sets just after the editor opens (brazeS3.documentHasRoleArn) can be missing from
 * a menu opened right away, so a menu without it is closed and opened again.
 */
async function contextMenu(page, target, label, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  const menu = page.locator('.context-view .monaco-menu').first();
  const item = page.locator('.context-view .action-item', { hasText: label }).first();
  for (;;) {
    await settled(target, timeout);
    await target.click({ button: 'right' });
    await settled(menu);
    if (await item.count()) break;
    if (Date.now() > deadline) throw new Error(`the context menu does not offer "${label}": ${await menu.innerText()}`);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
  }
  await settled(item);
  return item;
}

/**
 * Opens `url` in a new page, waits for the workbench, runs `body` (its checks count into the
 * returned results) and closes the page; a workbench that never loads counts as one failure.
 * `step(name, fn)` runs one check from the known layout (freshLayout).
 */
async function onWorkbench({ browser, url, resultsDir, label, failureShot, locale }, body) {
  const results = { passed: 0, failed: 0 };
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, ...(locale ? { locale } : {}) });
  const shot = (name) => page.screenshot({ path: join(resultsDir, `${name}.png`) });
  // BRAZE_S3_UI_GREP=regex (or BRAZE_S3_UI_ONLY) runs only the matching checks (while working on one).
  const grep = process.env.BRAZE_S3_UI_GREP ?? process.env.BRAZE_S3_UI_ONLY;
  const step = (name, fn) => (grep && !new RegExp(grep).test(name)) ? Promise.resolve() : check(name, async () => {
    await freshLayout(page);
    await fn();
  }, results, page, resultsDir);
  try {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
    await body({ page, shot, step });
  } catch (error) {
    results.failed++;
    console.error(`  ✗ ${label}: the workbench did not load: ${error?.message ?? error}`);
    await shot(failureShot).catch(() => {});
  } finally {
    await page.close();
  }
  return results;
}

/** Picks `label` in the open quick pick (typing it first when it is a string). */
async function pick(page, label) {
  const option = page.getByRole('option', { name: label }).first();
  await option.waitFor({ timeout: 15_000 });
  if (typeof label === 'string') await page.locator('.quick-input-widget input').fill(label);
  await option.click();
}

/** The quick input's title once it matches `re` (the wizard reuses one widget for every step). */
function wizardTitle(page, re) {
  return page.locator('.quick-input-widget:visible .quick-input-titlebar').filter({ hasText: re }).first().waitFor({ timeout: 15_000 });
}

/** The rendered Markdown preview (the only webview after freshLayout). */
const previewFrame = (page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

/** The webview (of several) whose page has a heading with `text`: the setup panel beside a report preview. */
export async function webviewWithHeading(page, text, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const n = await page.locator('iframe.webview.ready').count();
    for (let i = 0; i < n; i++) {
      const frame = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('iframe#active-frame');
      if (await frame.locator('h1', { hasText: text }).count().catch(() => 0)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows "${text}"`);
    await nextFrame(page);
  }
}

/** Opens the walkthrough `title`, expands `stepTitle` and waits for its button `button`. */
async function openWalkthroughStep(page, title, stepTitle, button) {
  await runCommand(page, 'Welcome: Open Walkthrough', { closes: false });
  await pick(page, title);
  const step = page.locator('.getting-started-step', { hasText: stepTitle }).first();
  await settled(step, 15_000);
  await step.click();
  await settled(page.locator('.getting-started-step.expanded a, .getting-started-step.expanded .button-link', { hasText: button }).first());
  return page.locator('.gettingStartedContainer').first().innerText();
}

/** Shows the Braze S3 account view (clicking the icon of the view already shown would hide it). */
async function showAccountView(page) {
  const icon = page.locator('.activitybar [aria-label^="Braze S3"]').first();
  await icon.waitFor({ timeout: 30_000 });
  if (!(await page.locator('.activitybar .action-item.checked [aria-label^="Braze S3"], .activitybar .action-item.checked[aria-label^="Braze S3"]').count())) await icon.click();
}

/** Expands the tree row holding `text` (through its twistie: a row with a command runs it on click). */
async function expandRow(page, text, timeout = 30_000) {
  const row = page.locator('.monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  return row;
}

/**
 * Does `act` until `shown` appears, up to three times: `wait` ms for each of the first two, `last`
 * for the third; `between` runs before each retry.
 */
async function actUntilShown(act, shown, { wait, last = wait, between = async () => {} }) {
  for (let attempt = 1; ; attempt++) {
    await act();
    try {
      await shown.waitFor({ timeout: attempt < 3 ? wait : last });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await between();
    }
  }
}

/**
 * Clicks a tree row until `shown` appears. A row redrawn between its drawing and the click (a
 * delivery summary or a bucket's facts arriving redraw its subtree) runs a command VS Code has
 * already dropped ("Actual command not found"): the click is repeated on the row as drawn now.
 */
function clickRowUntil(target, shown, timeout = 20_000) {
  return actUntilShown(() => target().click(), shown, { wait: 5_000, last: timeout });
}

/** Collapses the tree row holding `text` if it is expanded: later checks find rows below it on screen. */
async function collapseRow(page, text) {
  const row = page.locator('.monaco-list-row', { hasText: text }).first();
  if ((await row.count()) && (await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
}

/** The webview of the delivery view (the only webview after freshLayout). */
const deliveryFrame = (page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

/** `url` opens the workspace with the extension under development loaded (no tests). */
export async function runUiChecks({ browser, url, resultsDir }) {
  return onWorkbench({ browser, url, resultsDir, label: 'UI', failureShot: 'ui-failure' }, async ({ page, shot, step }) => {
    await step('a squiggle under INSERTBUCKETNAME in an open policy', async () => {
      const editor = await quickOpen(page, 'currents-placeholder.json');
      await editor.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      await page.waitForFunction((el) => el.querySelectorAll('.squiggly-error').length >= 2, await editor.elementHandle(), { timeout: 15_000 }).catch(async () => {
        throw new Error(`expected 2 error squiggles, saw ${await editor.locator('.squiggly-error').count()}`);
      });
      await shot('squiggles');
    });

    await step('its row in the Problems panel', async () => {
      await quickOpen(page, 'currents-placeholder.json');
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'INSERTBUCKETNAME' }).first();
      await row.waitFor({ timeout: 15_000 });
      const text = await row.innerText();
      if (!/placeholder|braze-s3/.test(await page.locator('.markers-panel').innerText())) throw new Error(`no braze-s3 rows: ${text}`);
      await shot('problems-panel');
    });

    await step('the quick-fix menu offers "Replace INSERTBUCKETNAME with bucket name…"', async () => {
      const editor = await quickOpen(page, 'currents-placeholder.json');
      await editor.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      await screenshotQuickFixMenu(page, editor, 'Replace INSERTBUCKETNAME with bucket name', shot, 'quick-fix-menu');
    });

    await step('the hover on the squiggle explains the placeholder', async () => {
      const editor = await quickOpen(page, 'currents-placeholder.json');
      const text = await hoverSquiggle(page, editor, 'Replace the template placeholder');
      if (!text.includes('INSERTBUCKETNAME')) throw new Error(`hover without the placeholder: ${text.slice(0, 200)}`);
      await shot('hover');
    });

    await step('the Braze S3 account view lists the demo buckets', async () => {
      const icon = page.locator('.activitybar [aria-label^="Braze S3"]').first();
      await icon.waitFor({ timeout: 30_000 });
      // Clicking the icon of the view already shown would hide the side bar.
      if (!(await page.locator('.activitybar .action-item.checked [aria-label^="Braze S3"], .activitybar .action-item.checked[aria-label^="Braze S3"]').count())) await icon.click();
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
    });

    await step('Currents delivery: the stopped connector warns in the tree with the hours left and what to check', async () => {
      await showAccountView(page);
      await expandRow(page, 'acme-braze-currents');
      const warehouse = page.locator('.monaco-list-row', { hasText: 'currents-warehouse/' }).first();
      await warehouse.locator('.label-description', { hasText: /stopped · \d+ hours left · no file for 3\d hours/ }).waitFor({ timeout: 30_000 });
      await page.locator('.monaco-list-row', { hasText: 'currents/' }).locator('.label-description', { hasText: /delivering · newest file/ }).first().waitFor({ timeout: 30_000 });
      await expandRow(page, 'currents-warehouse/');
      await expandRow(page, 'dataexport.prod-03.S3.integration.');
      await settled(page.locator('.monaco-list-row', { hasText: /\d+ hours left before Currents drops the first events/ }).first(), 15_000);
      await page.locator('.monaco-list-row', { hasText: /Check the access key's age and last use/ }).first().waitFor({ timeout: 10_000 });
      await shot('delivery-tree-stopped');
      await collapseRow(page, 'acme-braze-currents');
    });

    await step('Currents delivery: the delivery view of the stopped connector (warning, chart, gaps)', async () => {
      await showAccountView(page);
      await expandRow(page, 'acme-braze-currents');
      await expandRow(page, 'currents-warehouse/');
      const frame = deliveryFrame(page);
      await clickRowUntil(() => page.locator('.monaco-list-row', { hasText: 'dataexport.prod-03.S3.integration.' }).first().locator('.label-name'), frame.locator('h1', { hasText: 'dataexport.prod-03.S3.integration.61a9e0c47b2d5f0018e4c3b2' }), 30_000);
      // The row keeps its text once selected (the state and the connector's name).
      await page.locator('.monaco-list-row.selected', { hasText: /stopped · \d+ hours left/ }).first().waitFor({ timeout: 10_000 });
      await frame.locator('.warning', { hasText: /hours left before Currents drops|window has passed/ }).waitFor({ timeout: 10_000 });
      await settled(frame.locator('.chart canvas').first(), 10_000);
      await frame.locator('ul.gaps li').first().waitFor({ timeout: 10_000 });
      await shot('delivery-view-stopped');
      await collapseRow(page, 'acme-braze-currents');
    });

    await step('Currents delivery: the delivery view of the delivering connector, 7 days, bytes', async () => {
      await showAccountView(page);
      await expandRow(page, 'acme-braze-currents');
      await expandRow(page, 'currents/');
      const frame = deliveryFrame(page);
      await clickRowUntil(() => page.locator('.monaco-list-row', { hasText: 'dataexport.prod-01.S3.integration.' }).first().locator('.label-name'), frame.locator('.state.delivering'), 30_000);
      await settled(frame.locator('.chart canvas').first(), 10_000);
      await shot('delivery-view');
      await frame.getByRole('button', { name: 'Last 7 days' }).click();
      await frame.getByRole('button', { name: 'Bytes' }).click();
      await frame.locator('button.on', { hasText: 'Last 7 days' }).waitFor({ timeout: 10_000 });
      await settled(frame.locator('.chart canvas').first(), 10_000);
      await shot('delivery-view-7d-bytes');
      await collapseRow(page, 'acme-braze-currents');
    });

    await step('export files: the dashboard bucket lists them newest first; a ZIP opens as its entries', async () => {
      await showAccountView(page);
      await expandRow(page, 'acme-braze-exports');
      const zip = page.locator('.monaco-list-row', { hasText: /lapsed-users-.*\.zip/ }).first();
      await zip.locator('.label-description', { hasText: /\d (B|KB) · / }).waitFor({ timeout: 30_000 });
      await clickRowUntil(() => zip.locator('.label-name'), page.locator('.tab', { hasText: /lapsed-users-.*\.zip\.entries\.txt/ }).first());
      await page.locator('.editor-container .view-lines', { hasText: 'part-0000.txt' }).first().waitFor({ timeout: 10_000 });
      await shot('export-files');
      await collapseRow(page, 'acme-braze-exports');
    });

    await step('right-click a role ARN > Verify role ARN verifies that ARN (no ARN prompt), report shown', async () => {
      const editor = await quickOpen(page, 'partner-roles.md');
      const arn = editor.locator('.view-lines span', { hasText: 'role/braze-currents-export' }).first();
      const item = await contextMenu(page, arn, 'Verify role ARN');
      await shot('verify-role-context-menu');
      await item.click();
      // The next question is the integration: the ARN was taken from the editor, not asked for.
      await page.getByRole('option', { name: /Currents/ }).first().waitFor({ timeout: 15_000 });
      if (await page.locator('.quick-input-widget', { hasText: 'Role ARN' }).isVisible()) throw new Error('asked for the ARN');
      await page.getByRole('option', { name: /Currents/ }).first().click();
      await pick(page, 'acme-braze-currents');
      await wizardTitle(page, /Folder path/);
      await page.keyboard.press('Enter'); // folder: currents
      // The report opens as a rendered Markdown preview beside the editor.
      const preview = previewFrame(page);
      await preview.locator('h1', { hasText: '✓ Verify role ARN' }).waitFor({ timeout: 30_000 });
      await preview.locator('code', { hasText: 'role/braze-currents-export' }).first().waitFor({ timeout: 10_000 });
      await settled(preview.locator('li', { hasText: 'Trust policy' }).first());
      await shot('verify-role-report');
    });

    await step('Test credentials on a bucket is one multi-step input: step x of n, Back keeps the answers', async () => {
      const bucket = page.locator('.monaco-list-row', { hasText: 'acme-braze-exports' }).first();
      await (await contextMenu(page, bucket, 'Test credentials')).click();
      await wizardTitle(page, /Which integration\?.*1\/4/s); // bucket given: integration, folder, SSE, credentials (fixed total)
      await page.getByRole('option', { name: /dashboard/i }).first().click();
      await wizardTitle(page, /Server-side encryption.*3\/4/s); // a dashboard export skips the folder's number
      await page.locator('.quick-input-titlebar .action-label[aria-label="Back"], .quick-input-titlebar .codicon-quick-input-back').first().click();
      await wizardTitle(page, /Which integration\?.*1\/4/s);
      await page.getByRole('option', { name: /Currents/ }).first().click();
      await wizardTitle(page, /Folder path.*2\/4/s); // Currents adds its folder
      await shot('wizard-step');
      await page.keyboard.press('Enter');
      await wizardTitle(page, /Server-side encryption.*3\/4/s);
      await page.getByRole('option', { name: /No server-side encryption/ }).first().click();
      await wizardTitle(page, /Which credentials.*4\/4/s);
      await page.getByRole('option', { name: /current AWS profile/ }).first().click();
      await page.locator('.tab', { hasText: /Preview\]? test-credentials-\d+\.md/ }).first().waitFor({ timeout: 30_000 });
      await page.locator('.notifications-toasts', { hasText: 'Test credentials: every check passed.' }).first().waitFor({ timeout: 15_000 });
      await previewFrame(page).locator('h1', { hasText: 'Test credentials' }).first().waitFor({ timeout: 15_000 });
      await shot('test-credentials-report');
    });

    await step('Rotate access key… on an IAM user: Test credentials with the new key, the secret shown once, the old key deactivated', async () => {
      const user = page.locator('.monaco-list-row', { hasText: 'braze-currents-writer' }).first();
      await (await contextMenu(page, user, 'Rotate access key')).click();
      await page.getByRole('option', { name: /Currents/ }).first().click({ timeout: 20_000 });
      await pick(page, 'acme-braze-currents');
      await wizardTitle(page, /Folder path/);
      await page.keyboard.press('Enter'); // folder: currents
      await page.getByRole('option', { name: /No server-side encryption/ }).first().click({ timeout: 10_000 });
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'New access key for braze-currents-writer' });
      await settled(dialog, 30_000);
      const text = await dialog.innerText();
      if (!/Secret access key: \S{40}/.test(text)) throw new Error(`no secret in the hand-over dialog: ${text.slice(0, 300)}`);
      await shot('rotate-key-handover');
      await dialog.locator('.monaco-button', { hasText: 'The partner now uses the new key' }).click();
      await page.locator('.notifications-toasts', { hasText: /Rotated: AKIA\w+ is active; AKIA\w+ is deactivated/ }).first().waitFor({ timeout: 15_000 });
      await shot('rotate-key-done');
    });

    await step('a Terraform file: the squiggle under the mistyped action inside its HCL list, and its quick fix', async () => {
      const editor = await quickOpen(page, 'braze-currents.tf', 'aws_iam_policy_document');
      await editor.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      await goTo(page, editor, 22, 12);
      await page.keyboard.press('Control+.');
      await settled(page.locator('.action-widget', { hasText: 'Replace with "s3:GetObject"' }).first(), 15_000);
      await shot('terraform-quick-fix');
      await page.keyboard.press('Escape');
    });

    await step('the Avro viewer: a Currents file\'s first page, one record as JSON, a filter on one column', async () => {
      await openQuickInput(page, 'Control+P');
      await typeInQuickInput(page, 'users.messages.email.Send.avro');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'users.messages.email.Send.avro' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      const viewer = previewFrame(page);
      await viewer.locator('#record-count', { hasText: '1,250 records' }).waitFor({ timeout: 30_000 });
      await viewer.locator('#status', { hasText: 'Records 1–100 of 1,250' }).waitFor({ timeout: 15_000 });
      const rows = await viewer.locator('tbody tr').count();
      if (rows !== 100) throw new Error(`expected 100 rows on the first page, saw ${rows}`);
      await shot('avro-viewer-page');
      await viewer.locator('tbody tr').nth(2).click();
      await viewer.locator('#record-json', { hasText: '"email_address": "customer2@example.com"' }).waitFor({ timeout: 10_000 });
      await shot('avro-viewer-record');
      await viewer.locator('#filter-column').selectOption('email_address');
      await viewer.locator('#filter-text').fill('customer12');
      await viewer.locator('#filter-go').click();
      await viewer.locator('#status', { hasText: '61 matching records shown (searched the whole file)' }).waitFor({ timeout: 15_000 });
      const found = await viewer.locator('tbody tr').count();
      if (found !== 61) throw new Error(`expected 61 matching rows, saw ${found}`);
      await shot('avro-viewer-filter');
    });

    await step('Open on a Currents file of the account view shows the object from the bucket in the Avro viewer', async () => {
      const icon = page.locator('.activitybar [aria-label^="Braze S3"]').first();
      await icon.waitFor({ timeout: 30_000 });
      if (!(await page.locator('.activitybar .action-item.checked [aria-label^="Braze S3"], .activitybar .action-item.checked[aria-label^="Braze S3"]').count())) await icon.click();
      const row = (text) => page.locator('.monaco-list-row', { hasText: text }).first();
      await row('acme-braze-currents').waitFor({ timeout: 30_000 });
      if ((await row('acme-braze-currents').getAttribute('aria-expanded')) !== 'true') await row('acme-braze-currents').click();
      const folder = page.locator('.monaco-list-row[aria-level="3"]', { hasText: /^currents\// }).first();
      await folder.waitFor({ timeout: 20_000 });
      if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
      // A Currents folder lists its connectors (their rows open the delivery view when selected, so
      // expand with the twistie); a connector lists its newest files.
      const connector = page.locator('.monaco-list-row[aria-level="4"]').first();
      await connector.waitFor({ timeout: 20_000 });
      if ((await connector.getAttribute('aria-expanded')) !== 'true') await connector.locator('.monaco-tl-twistie').click();
      const file = page.locator('.monaco-list-row[aria-level="5"]', { hasText: '.avro' }).first();
      await file.waitFor({ timeout: 20_000 });
      const name = (await file.locator('.label-name').first().innerText()).trim();
      await clickRowUntil(() => file, page.locator('.tab.active', { hasText: name }));
      const viewer = previewFrame(page);
      await viewer.locator('h1', { hasText: name }).waitFor({ timeout: 20_000 });
      // The demo's Currents files are real Avro (written with avsc): the viewer counts their records.
      await viewer.locator('#record-count', { hasText: /^[\d,]+ records?/ }).waitFor({ timeout: 20_000 });
      await viewer.locator('tbody tr').first().waitFor({ timeout: 20_000 });
      await shot('avro-viewer-from-bucket');
    });

    await step('Set up Braze export here… on a bucket: change set reviewed, deployed, verified, values to paste with Copy; then removed', async () => {
      const bucket = page.locator('.monaco-list-row', { hasText: 'acme-marketing-assets' }).first();
      await (await contextMenu(page, bucket, 'Set up Braze export here')).click();
      await wizardTitle(page, /Which integration\?.*1\/5/s); // bucket given: integration, method, folder, account, external ID
      await page.getByRole('option', { name: /Both on one bucket/ }).first().click();
      await wizardTitle(page, /How will the partner authenticate\?.*2\/5/s);
      await page.getByRole('option', { name: /AWS role ARN/ }).first().click();
      await wizardTitle(page, /Folder path.*3\/5/s);
      await page.keyboard.press('Enter'); // currents
      await wizardTitle(page, /Partner AWS account ID.*4\/5/s);
      await page.keyboard.press('Enter'); // from brazeS3.partnerAccountId
      await wizardTitle(page, /External ID.*5\/5/s);
      await page.keyboard.press('Enter'); // from brazeS3.externalId
      const review = await webviewWithHeading(page, 'Review the change set');
      const table = await review.locator('table').first().innerText();
      for (const id of ['BrazeExportRole', 'BrazeCurrentsPolicy', 'BrazeDashboardExportPolicy']) if (!table.includes(id)) throw new Error(`the change set lacks ${id}: ${table}`);
      if (table.includes('ExportBucket')) throw new Error('an existing bucket was put in the stack');
      await settled(review.locator('pre', { hasText: 'sts:ExternalId' }).first());
      await shot('setup-change-set');
      await review.locator('button#deploy').click();
      const panel = await webviewWithHeading(page, 'What to paste into Braze', 90_000);
      await settled(panel.locator('p', { hasText: 'Verified' }).first());
      const values = await panel.locator('body').innerText();
      if (!/role\/braze-export-acme-marketing-assets/.test(values) || !/Folder Path\s+currents/.test(values)) throw new Error(`paste values: ${values.slice(0, 500)}`);
      if ((await panel.locator('button', { hasText: 'Copy' }).count()) < 5) throw new Error('a value without Copy');
      // The verification report, as today, beside the panel. With both integrations the dashboard's
      // report comes second, in the same preview, and takes the focus: wait for it, not the first.
      const report = await webviewWithHeading(page, 'Verify role ARN');
      await settled(report.getByText('(dashboard)').first(), 30_000);
      await settled(report.locator('li', { hasText: 'Trust policy' }).first());
      await shot('setup-paste-panel');
      // A report or panel that takes the focus as the command is chosen closes the palette: ask again.
      await actUntilShown(() => runCommand(page, 'Braze S3: Remove the Braze export setup', { closes: false }),
        page.getByRole('option', { name: 'braze-export-acme-marketing-assets' }).first(), { wait: 10_000, between: () => page.keyboard.press('Escape') });
      await pick(page, 'braze-export-acme-marketing-assets');
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'Delete the stack braze-export-acme-marketing-assets?' });
      await settled(dialog, 20_000);
      const confirmation = await dialog.innerText();
      if (!/Kept, with all its data: the existing bucket/.test(confirmation) || !/Role braze-export-acme-marketing-assets, Policy BrazeCurrentsPolicy, Policy BrazeDashboardExportPolicy/.test(confirmation)) throw new Error(`the confirmation does not name what goes and what stays: ${confirmation}`);
      await shot('setup-remove-confirmation');
      await dialog.locator('.monaco-button', { hasText: 'Delete the stack' }).click();
      await page.locator('.notifications-toasts', { hasText: 'Removed the stack braze-export-acme-marketing-assets' }).first().waitFor({ timeout: 30_000 });
    });

    await step('"New policy file…" driven through the command palette and its quick picks', async () => {
      await runCommand(page, 'Braze S3: New policy file', { closes: false });
      await pick(page, 'Currents');
      await pick(page, 'AWS secret access key');
      await pick(page, 'acme-braze-currents'); // listed from the account (moto)
      await wizardTitle(page, /Folder path/);
      await page.keyboard.press('Enter'); // folder path: default "currents"
      await pick(page, 'Only the folder');
      await page.locator('.editor-group-container.active .view-lines', { hasText: 'acme-braze-currents/currents/*' }).waitFor({ timeout: 15_000 });
      await shot('new-policy-file');
    });

    // Last: a walkthrough can reopen after the layout is reset and take the keyboard from the next check.
    await step('the walkthrough in English only; "Choose how the partner authenticates" offers the two methods', async () => {
      const text = await openWalkthroughStep(page, /Connect an S3 bucket to Braze/, 'Choose how the partner authenticates', 'Role ARN');
      if (/contenedor|Elige|socio/.test(text)) throw new Error('Spanish text in the English walkthrough');
      await shot('walkthrough');
    });
  });
}

/**
 * The same squiggles, hover and quick-fix menu with VS Code's display language set to Spanish:
 * every text the extension shows there must be its Spanish version.
 */
export async function runSpanishUiChecks({ browser, url, resultsDir }) {
  return onWorkbench({ browser, url, resultsDir, label: 'UI (es)', failureShot: 'es-ui-failure', locale: 'es-ES' }, async ({ page, shot, step }) => {
    await step('es: squiggles under INSERTBUCKETNAME, with the Spanish message in the hover', async () => {
      const editor = await quickOpen(page, 'currents-placeholder.json');
      await editor.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      // The code lens arrives after the squiggles and pushes the lines down: wait for it (in Spanish).
      await editor.locator('.codelens-decoration', { hasText: 'comprobada como Currents' }).first().waitFor({ timeout: 15_000 });
      await shot('es-squiggles');
      const text = await hoverSquiggle(page, editor, 'Sustituye el marcador de la plantilla');
      if (text.includes('Replace the template placeholder')) throw new Error('the hover also shows the English message');
      await shot('es-hover');
    });
    await step('es: the quick-fix menu in Spanish', async () => {
      const editor = await quickOpen(page, 'currents-placeholder.json');
      await editor.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      await screenshotQuickFixMenu(page, editor, 'Sustituir INSERTBUCKETNAME por el nombre del contenedor', shot, 'es-quick-fix-menu');
    });
    await step('es: the Avro viewer in Spanish', async () => {
      await openQuickInput(page, 'Control+P');
      await typeInQuickInput(page, 'users.messages.email.Send.avro');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'users.messages.email.Send.avro' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      const viewer = previewFrame(page);
      await viewer.locator('#record-count', { hasText: /^1\.?250 registros · \d+ bloques$/ }).waitFor({ timeout: 30_000 });
      await viewer.locator('#status', { hasText: /^Registros 1–100 de 1\.?250$/ }).waitFor({ timeout: 15_000 });
      const text = await viewer.locator('body').innerText();
      if (/Writer schema|Next page|Any column|records/.test(text)) throw new Error('English text in the Spanish viewer');
      await shot('es-avro-viewer');
    });
    await step('es: the command titles in the palette come from package.nls.es.json', async () => {
      await openQuickInput(page, 'F1');
      await typeInQuickInput(page, '>Braze S3');
      await page.getByRole('option', { name: /Nuevo archivo de política/ }).first().waitFor({ timeout: 10_000 });
      await shot('es-command-palette');
      await page.keyboard.press('Escape');
    });
    // Last, as in English: the walkthrough can take the keyboard from a check after it.
    await step('es: the walkthrough in Spanish only, with the two method buttons', async () => {
      const text = await openWalkthroughStep(page, /Conectar un contenedor de S3 con Braze/, 'Elige cómo se autentica el socio', 'ARN de rol');
      if (/Choose how the partner|Secret key or role ARN|an IAM user with the policy/.test(text)) throw new Error('English text in the Spanish walkthrough');
      await shot('es-walkthrough');
    });
  });
}
