// npm run test:integration — runs the mocha suite inside a real VS Code extension host
// (code-server) against the bundled extension, then UI smoke checks with Playwright on the same
// host. Prints "N passed, N failed" and exits 0 only when everything passed.
//   --skip-build   use the existing dist/ and out/
//   --no-ui        only the in-host suite
import { execFileSync } from 'node:child_process';
import { format } from 'node:util';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startCodeServer } from './code-server.mjs';
import { ensureHost } from './install-host.mjs';
import { DEMO_EXTERNAL_ID, DEMO_PARTNER_ACCOUNT_ID, seedDemoAccount } from '../local-aws/demo-account.mjs';
import { motoEnvironment, startMoto } from '../local-aws/moto.mjs';
import { check, freshLayout, openExtensionDetails, quickOpen, runSpanishUiChecks, runUiChecks, webviewWithHeading } from './ui-checks.mjs';
import { checkVsix } from '../check-vsix.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUITE_TIMEOUT_MS = Number(process.env.BRAZE_S3_SUITE_TIMEOUT_MS ?? 8 * 60_000);
export const resultsDir = join(root, 'test-results');
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function timed(label, start) {
  console.log(`[integration] ${label} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

export function payloadUrl(base, workspace, extensionPath, testsPath) {
  const remote = (p) => `vscode-remote://${new URL(base).host}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)], ...(testsPath ? [['extensionTestsPath', remote(testsPath)]] : []), ['skipWelcome', 'true']];
  return `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Every file under a folder whose content contains `needle` (the canary-secret check). */
function filesContaining(dir, needle) {
  const hits = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) hits.push(...filesContaining(p, needle));
    else if (entry.isFile() && statSync(p).size < 64 * 1024 * 1024 && readFileSync(p).includes(needle)) hits.push(p);
  }
  return hits;
}

export async function runSuite(server, browser, workspace, resultsFile) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let exitCode;
  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const list = Array.isArray(args) ? args : [args];
      const text = format(...list.map((a) => (typeof a === 'string' || typeof a === 'number' ? a : JSON.stringify(a))));
      if (text.trim()) console.log(text);
    });
    page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      resolve(code);
    });
  });
  await page.goto(payloadUrl(server.url, workspace, root, join(root, 'out/test/integration/index.js')));
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS));
  const outcome = await Promise.race([exited, timeout]);
  if (outcome === 'timeout') {
    const shot = join(resultsDir, 'suite-timeout.png');
    await page.screenshot({ path: shot }).catch(() => {});
    console.error(`[integration] the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s; screenshot: ${shot}`);
  }
  await page.close();
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { passed: 0, failed: 1, failures: ['the suite reported no results (it did not load, or hung)'] };
  if (outcome === 'timeout') results.failed = Math.max(results.failed, 1);
  if (exitCode !== undefined && exitCode !== 0 && results.failed === 0) results.failed = 1;
  return results;
}

/** Packages the VSIX, installs it into a fresh code-server (--install-extension), proves it activates. */
export async function runVsixCheck(browser, workspace) {
  const results = { passed: 0, failed: 0 };
  const vsix = join(resultsDir, 'braze-s3-policy-kit.vsix');
  // Ready for the Marketplace and Open VSX: no vsce warning, only the listed files, ≤ 1.5 MB.
  let packaged = false;
  let shipped = [];
  await check('vsce package prints no warning, vsce ls lists only the files meant to ship, the VSIX is at most 1.5 MB (scripts/check-vsix.mjs)', async () => {
    const { problems, size, files } = checkVsix(vsix);
    shipped = files; // what `vsce ls` says the package holds
    packaged = existsSync(vsix);
    if (problems.length > 0) throw new Error(problems.join('; '));
    console.log(`    VSIX size: ${(size / 1024).toFixed(1)} KB`);
  }, results);
  if (!packaged) {
    results.failed += 2;
    console.error('  ✗ UI: vsce package made no VSIX: the install and details-page checks could not run');
    return results;
  }
  const server = await startCodeServer({ extensionsToInstall: [vsix] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await check('the packaged VSIX installs with --install-extension, activates, and reads Terraform', async () => {
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      const policy = await quickOpen(page, 'braze-role-trust-no-external-id.json');
      await policy.locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(resultsDir, 'installed-vsix.png') });
      // The Terraform reader's two wasm files ship in the VSIX and load from its dist/.
      const terraform = await quickOpen(page, 'braze-currents.tf', 'aws_iam_policy_document');
      await terraform.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(resultsDir, 'installed-vsix-terraform.png') });
    }, results, page, resultsDir);
    await check('the installed extension\'s details page: name, icon from the package, the README rendered, its screenshots linked under the repository to files the VSIX ships', async () => {
      await freshLayout(page);
      await openExtensionDetails(page, 'Braze S3 Export Policy Kit');
      const header = page.locator('.extension-editor .header');
      await header.locator('.name', { hasText: 'Braze S3 Export Policy Kit' }).waitFor({ timeout: 30_000 });
      // The icon is read from the package: a broken one shows VS Code's default instead.
      await page.waitForFunction(() => {
        const img = document.querySelector('.extension-editor .header .icon-container img.icon');
        return !!img && img.complete && img.naturalWidth > 0 && !img.src.includes('defaultIcon');
      }, null, { timeout: 20_000 });
      // The README renders in a webview (overlaid on the editor, outside its DOM).
      const readme = await webviewWithHeading(page, 'Braze S3 Export Policy Kit', 30_000);
      // The details page allows https images only (its CSP: img-src https: data:), so vsce points the
      // README's screenshots at the repository (package.json "repository"); each is a file the VSIX ships.
      const sources = await readme.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')));
      const repository = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).repository.url.replace(/\.git$/, '');
      const expected = ['json-quick-fix', 'terraform-quick-fix'].map((n) => `media/readme/${n}.png`);
      const wrong = expected.filter((f) => !sources.includes(`${repository}/raw/HEAD/${f}`) || !shipped.includes(f));
      if (wrong.length) throw new Error(`README screenshots not linked under ${repository} or not shipped: ${wrong.join(', ')} (img src: ${sources.join(', ')})`);
      await page.screenshot({ path: join(resultsDir, 'extension-details.png') });
    }, results, page, resultsDir);
  } finally {
    await page.close();
    await server.stop();
  }
  return results;
}

/** A second host with VS Code's display language set to Spanish (see writeDisplayLanguage). */
async function runInSpanish(browser, workspace) {
  const server = await startCodeServer({ locale: 'es' });
  try {
    return await runSpanishUiChecks({ browser, url: payloadUrl(server.url, workspace, root), resultsDir });
  } finally {
    await server.stop();
  }
}

export async function main(argv = process.argv.slice(2)) {
  const started = Date.now();
  let t = Date.now();
  ensureHost();
  timed('test host ready', t);
  if (!argv.includes('--skip-build')) {
    t = Date.now();
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production', '--tests'], { stdio: 'inherit', cwd: root });
    timed('bundle built', t);
  }
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = join(resultsDir, 'suite-results.json');
  const workspace = join(root, 'test/fixtures/workspace');
  t = Date.now();
  // The host reaches moto through the SDK's standard AWS_ENDPOINT_URL, as a user's emulator would.
  const moto = await startMoto();
  const userKeys = await seedDemoAccount(moto.endpoint);
  const canary = `CANARY${randomBytes(16).toString('hex')}`;
  const server = await startCodeServer({
    keepState: true,
    userSettings: { 'brazeS3.region': 'us-east-1', 'brazeS3.requestTimeoutMs': 5000, 'brazeS3.partnerAccountId': DEMO_PARTNER_ACCOUNT_ID, 'brazeS3.externalId': DEMO_EXTERNAL_ID },
    env: { ...motoEnvironment(moto.endpoint), BRAZE_S3_CANARY_SECRET: canary, BRAZE_S3_TEST_RESULTS: resultsFile, BRAZE_S3_DEMO_USER_KEY: userKeys.accessKeyId },
  });
  timed(`code-server on ${server.url}, moto on ${moto.endpoint}`, t);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  let passed = 0;
  let failed = 0;
  try {
    t = Date.now();
    const suite = await runSuite(server, browser, workspace, resultsFile);
    timed(`in-host suite: ${suite.passed} passed, ${suite.failed} failed`, t);
    for (const f of suite.failures ?? []) console.error(`  ✗ ${f}`);
    passed += suite.passed;
    failed += suite.failed;
    // The suite typed a canary secret into Test credentials: it must be in no file the host wrote
    // (logs, output channels, settings, global and workspace storage).
    const leaks = filesContaining(server.state, canary);
    if (leaks.length) {
      failed++;
      console.error(`  ✗ the canary secret was written to: ${leaks.join(', ')}`);
    } else {
      passed++;
      console.log(`  ✓ the canary secret is in none of the host's files (${server.state})`);
    }
    if (!argv.includes('--no-ui')) {
      t = Date.now();
      const ui = await runUiChecks({ browser, url: payloadUrl(server.url, workspace, root), resultsDir });
      timed(`UI checks: ${ui.passed} passed, ${ui.failed} failed`, t);
      passed += ui.passed;
      failed += ui.failed;
      t = Date.now();
      const es = await runInSpanish(browser, workspace);
      timed(`Spanish UI checks: ${es.passed} passed, ${es.failed} failed`, t);
      passed += es.passed;
      failed += es.failed;
      t = Date.now();
      const vsix = await runVsixCheck(browser, workspace);
      timed(`VSIX check: ${vsix.passed} passed, ${vsix.failed} failed`, t);
      passed += vsix.passed;
      failed += vsix.failed;
    }
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(server.state, { recursive: true, force: true });
    await moto.stop();
  }
  timed('integration total', started);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code), (error) => {
    console.error(`[integration] ${error?.stack ?? error}`);
    process.exit(1);
  });
}
