// Benchmark: the language server (dist/server.js) on its own, driven over stdio by a plain LSP
// client. Prints: server start → first diagnostics of an opened policy; the workspace scan of N
// policy files (default 5,000; JSON and .tf, scripts/bench-files.mjs) and the server's memory
// after it (RSS and peak RSS from /proc).
//   node scripts/bench-server.mjs [N]   (after a build)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writePolicyFiles } from './bench-files.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 5000);
const dir = mkdtempSync(join(tmpdir(), 'braze-s3-bench-server-'));
writePolicyFiles(root, join(dir, 'policies'), n);
const opened = join(dir, 'braze-currents.json');
writeFileSync(opened, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObjekt'], Resource: 'arn:aws:s3:::INSERTBUCKETNAME/*' }] }, null, 2));
const memory = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
};

const t0 = performance.now();
const server = spawn(process.execPath, [join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
const uri = pathToFileURL(opened).href;
const firstDiagnostics = new Promise((resolve) => connection.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
  if (p.uri === uri && p.diagnostics.length) resolve(performance.now() - t0);
}));
const scanned = new Promise((resolve) => connection.onNotification('brazeS3/scanFinished', resolve));
connection.listen();
try {
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], capabilities: {},
    initializationOptions: { brazeS3: { workspaceDiagnostics: { maxFiles: n + 10 } } },
  });
  // Opened before the scan starts, as an editor restores its open files.
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text: readFileSync(opened, 'utf8') } });
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  const first = await firstDiagnostics;
  const scan = await scanned;
  const mem = memory(server.pid);
  console.log(`server: start -> first diagnostics ${first.toFixed(0)} ms; workspace scan of ${n} files (${n - Math.floor(n / 5)} JSON, ${Math.floor(n / 5)} .tf): ${scan.ms.toFixed(0)} ms, ${scan.policies} policies; server memory after the scan: RSS ${mem.rss.toFixed(0)} MB, peak ${mem.peak.toFixed(0)} MB`);
  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
} finally {
  connection.dispose();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
