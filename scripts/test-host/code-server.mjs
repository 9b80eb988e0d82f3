// Starts code-server (the real VS Code server and Node extension host) on 127.0.0.1 with all its
// state in a short per-run temp folder, and stops it cleanly. Used by the integration tests and
// by `npm start`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerEntry } from './install-host.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Makes `--locale` take effect offline. VS Code only switches its display language (and
 * `vscode.env.language`, which picks an extension's l10n bundle and package.nls.<lang>.json) when
 * languagepacks.json in the user-data folder names a language pack for it. The real Spanish pack
 * comes from the Marketplace, which these machines cannot reach, so this registers one with no
 * translations: VS Code's own menus stay English, everything the extension says is Spanish.
 */
function writeDisplayLanguage(userData, locale) {
  const translations = join(userData, `language-pack-${locale}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `offline-fixture-${locale}`,
      extensions: [{ extensionIdentifier: { id: `offline-fixture.language-pack-${locale}` }, version: '1.0.0' }],
      translations: { vscode: translations },
      label: locale,
    },
  }));
}

/**
 * @param {{ extensionsToInstall?: string[], userSettings?: object, env?: object, port?: number, log?: (s: string) => void, keepState?: boolean, locale?: string }} options
 */
export async function startCodeServer(options = {}) {
  // Unix socket paths are limited to 107 bytes: keep the state folder short.
  const state = mkdtempSync('/tmp/cs-');
  const dirs = { userData: join(state, 'u'), extensions: join(state, 'e'), home: join(state, 'h'), tmp: join(state, 't') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  // In a remote (code-server) window, machine-scoped settings such as brazeS3.endpoint are read
  // from the Machine settings, not the User ones: write both.
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(join(dirs.userData, 'Machine'), { recursive: true });
  const settings = JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'git.enabled': false,
    'editor.stickyScroll.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    ...options.userSettings,
  }, null, 2);
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), settings);
  writeFileSync(join(dirs.userData, 'Machine', 'settings.json'), settings);
  if (options.locale && !options.locale.startsWith('en')) writeDisplayLanguage(dirs.userData, options.locale);
  const configFile = join(state, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const port = options.port ?? (await freePort());
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    TMPDIR: dirs.tmp,
    EXTENSIONS_GALLERY: '{}',
    ...options.env,
  };
  const log = options.log ?? (() => {});
  const baseArgs = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', configFile];
  for (const vsix of options.extensionsToInstall ?? []) {
    await new Promise((resolve, reject) => {
      const p = spawn(process.execPath, [codeServerEntry, ...baseArgs, '--install-extension', vsix, '--force'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`--install-extension ${vsix} failed (${code}): ${out}`))));
    });
  }
  const child = spawn(process.execPath, [
    codeServerEntry, ...baseArgs,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
    '--disable-getting-started-override',
    ...(options.locale ? ['--locale', options.locale] : []),
  ], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (d) => {
      const s = d.toString();
      output += s;
      log(s);
      if (output.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before it was ready:\n${output}`));
    });
  });
  await ready;
  let stopped = false;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    state,
    output: () => output,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise((resolve) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        child.kill('SIGTERM');
      });
      if (!options.keepState) rmSync(state, { recursive: true, force: true });
    },
  };
}
