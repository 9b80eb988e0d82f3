// A local AWS for the demo and the tests: moto's `moto_server` (S3, IAM and STS over real HTTP on
// 127.0.0.1). The SDK reaches it through its standard endpoint setting, AWS_ENDPOINT_URL.
// moto is a Python package (pip install "moto[server]"); this project's machines have 5.2.1.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MOTO_INSTALL_HINT = 'moto_server was not found on PATH. Install it with: pip install "moto[server]" (Python 3.9+).';

/** The moto_server command, or undefined when it is not installed. */
export function findMotoServer() {
  const which = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['moto_server'], { encoding: 'utf8' });
  const path = which.status === 0 ? which.stdout.split(/\r?\n/)[0].trim() : '';
  return path || undefined;
}

/** moto_server with the corrections that make its IAM enforcement answer as AWS does (see the file). */
export const MOTO_AS_AWS = join(dirname(fileURLToPath(import.meta.url)), 'moto_server_as_aws.py');

/**
 * The Python that runs moto_server: its script's own interpreter line, else (a pyenv shim, a
 * wrapper) the first python on PATH that can import moto. Undefined: run moto_server as it is.
 */
export function motoPython(command = findMotoServer()) {
  if (!command) return undefined;
  let first = '';
  try {
    first = readFileSync(command, 'utf8').slice(0, 300).split(/\r?\n/)[0];
  } catch {
    // a binary launcher (Windows): try PATH
  }
  const shebang = /^#!\s*(\S*python[\d.]*)\s*$/.exec(first)?.[1];
  for (const python of [shebang, 'python3', 'python'].filter(Boolean)) {
    const probe = spawnSync(python, ['-c', 'import moto.server'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(endpoint, child, log, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}): ${readFileSync(log, 'utf8').slice(-2000)}`);
    try {
      const r = await fetch(`${endpoint}/moto-api/data.json`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${ms} ms`);
}

/**
 * Starts moto_server on a free port (or `port`). Its log goes to a file: an unread stdout pipe
 * stalls it. Returns the endpoint and controls for IAM enforcement and state.
 */
export async function startMoto({ port } = {}) {
  const command = findMotoServer();
  if (!command) throw new Error(MOTO_INSTALL_HINT);
  const actual = port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'moto-'));
  const log = join(dir, 'moto.log');
  const out = openSync(log, 'a');
  const python = motoPython(command);
  if (!python) console.warn(`moto_server runs without the corrections of ${MOTO_AS_AWS} (no Python that imports moto was found): with IAM enforcement on it accepts deactivated keys and refuses signed ListObjectsV2 requests whose prefix holds "/".`);
  const [program, args] = python ? [python, [MOTO_AS_AWS]] : [command, []];
  const child = spawn(program, [...args, '-H', '127.0.0.1', '-p', String(actual)], { stdio: ['ignore', out, out], env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' } });
  const endpoint = `http://127.0.0.1:${actual}`;
  try {
    await waitUntilUp(endpoint, child, log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const post = async (path, body) => {
    const r = await fetch(`${endpoint}${path}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body });
    if (!r.ok) throw new Error(`moto ${path}: HTTP ${r.status}`);
  };
  return {
    endpoint,
    log,
    /** IAM enforcement: signatures, keys and identity policies are checked (moto's reset-auth). */
    enforceIam: (on) => post('/moto-api/reset-auth', on ? '0' : 'inf'),
    /** Wipes every resource (the enforcement switch stays as it is). */
    reset: () => post('/moto-api/reset', ''),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Environment variables that point the AWS SDK (and the AWS CLI) at moto. */
export function motoEnvironment(endpoint, credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }) {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
