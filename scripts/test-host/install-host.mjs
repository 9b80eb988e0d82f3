// Installs the VS Code test host (code-server from the npm registry, the real VS Code server and
// Node extension host) into an ignored cache folder, the way @vscode/test-electron keeps
// .vscode-test/. Works offline apart from the npm and Debian registries. Idempotent: a finished
// install is reused. Why each step exists: README.md, section "How it is built".
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3 on Node 20
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'python3', 'make', 'g++'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(root, '.vscode-test');
export const hostDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const doneMarker = join(hostDir, '.installed');

function step(label, fn) {
  const start = Date.now();
  process.stdout.write(`[test-host] ${label} ...\n`);
  const result = fn();
  process.stdout.write(`[test-host] ${label}: done in ${((Date.now() - start) / 1000).toFixed(1)} s\n`);
  return result;
}

function missingAptPackages() {
  return APT_PACKAGES.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true);
}

export function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing system packages: ${missing.join(' ')} (install them with apt-get as root)`);
  }
  step(`apt-get install ${missing.join(' ')}`, () => {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  });
}

export function ensureCodeServer() {
  if (existsSync(doneMarker) && existsSync(codeServerEntry)) {
    process.stdout.write(`[test-host] code-server ${CODE_SERVER_VERSION} cached in ${hostDir}\n`);
    return;
  }
  rmSync(hostDir, { recursive: true, force: true });
  mkdirSync(hostDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'cs-install-'));
  step('pre-seed the ripgrep download cache with Debian\'s rg 13.0.0', () => {
    const cache = join(tmp, RIPGREP_CACHE);
    mkdirSync(cache, { recursive: true });
    execFileSync('tar', ['czf', join(cache, RIPGREP_TARBALL), '-C', '/usr/bin', 'rg']);
  });
  writeFileSync(join(hostDir, 'package.json'), JSON.stringify({ private: true, name: 'vscode-test-host' }) + '\n');
  step(`npm install code-server@${CODE_SERVER_VERSION} (builds native modules; ~1-3 min)`, () => {
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: hostDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        TMPDIR: tmp,
        // code-server's postinstall installs more packages with npm; they all need scripts.
        npm_config_dangerously_allow_all_scripts: 'true',
        npm_config_unsafe_perm: 'true',
        npm_config_yes: 'true',
      },
    });
  });
  rmSync(tmp, { recursive: true, force: true });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server did not install: ${codeServerEntry} is missing`);
  writeFileSync(doneMarker, new Date().toISOString() + '\n');
}

export function ensureHost() {
  ensureAptPackages();
  ensureCodeServer();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const start = Date.now();
  try {
    ensureHost();
    process.stdout.write(`[test-host] ready in ${((Date.now() - start) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    process.stderr.write(`[test-host] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
