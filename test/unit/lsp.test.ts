// `braze-s3 lsp` driven by a plain LSP client over stdio (vscode-languageserver-protocol's node
// client, no editor): initialize, the workspace scan of closed files, then a JSON policy, a .tf file
// and a CloudFormation YAML template opened, with diagnostics, hover, completion and code actions.
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction, CodeActionRequest, CompletionItem, CompletionRequest, Diagnostic, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
  ExitNotification, HoverRequest, InitializeRequest, InitializedNotification, MarkupContent, ProtocolConnection, PublishDiagnosticsNotification,
  PublishDiagnosticsParams, ShutdownRequest, StreamMessageReader, StreamMessageWriter, createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

describe('language server: braze-s3 lsp over stdio (dist/cli.js)', function () {
  this.timeout(60_000);
  let server: ChildProcess;
  let connection: ProtocolConnection;
  let workspace: string;
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters: (() => void)[] = [];
  let scan: Promise<{ found: number; policies: number; overLimit: boolean }>;

  /** Resolves with the first diagnostics published for `uri` that satisfy `ok`. */
  const diagnosticsFor = (uri: string, ok: (d: Diagnostic[]) => boolean = () => true) => new Promise<Diagnostic[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}: last ${JSON.stringify(published.get(uri)?.diagnostics.map((d) => d.code))}`)), 20_000);
    const check = () => {
      const p = published.get(uri);
      if (p && ok(p.diagnostics)) {
        clearTimeout(timer);
        resolve(p.diagnostics);
        return true;
      }
      return false;
    };
    // Each publish re-checks until one satisfies `ok`.
    const retry = () => {
      if (!check()) waiters.push(retry);
    };
    retry();
  });
  const uriOf = (...parts: string[]) => pathToFileURL(join(workspace, ...parts)).href;
  const open = (file: string, languageId: string) => {
    const uri = uriOf(file);
    published.delete(uri);
    void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: readFileSync(join(workspace, file), 'utf8') } });
    return uri;
  };
  const codes = (d: Diagnostic[]) => d.map((x) => x.code);

  before(async () => {
    assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
    workspace = mkdtempSync(join(tmpdir(), 'braze-s3-lsp-'));
    cpSync(join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
    server = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, LANG: 'C' } });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.set(p.uri, p);
      for (const w of waiters.splice(0)) w();
    });
    scan = new Promise((resolve) => connection.onNotification('brazeS3/scanFinished', resolve));
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: pathToFileURL(workspace).href, workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
      capabilities: { textDocument: { publishDiagnostics: {} } }, initializationOptions: { brazeS3: { folderPath: 'currents' } },
    });
    assert.equal(init.capabilities.textDocumentSync && typeof init.capabilities.textDocumentSync === 'object' ? init.capabilities.textDocumentSync.change : undefined, 2, 'incremental sync');
    assert.ok(init.capabilities.hoverProvider && init.capabilities.completionProvider && init.capabilities.codeActionProvider);
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    if (connection) {
      await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await connection.sendNotification(ExitNotification.type).catch(() => undefined);
      connection.dispose();
    }
    server?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('checks the workspace\'s closed policy files (JSON, .tf, CloudFormation), never package.json', async () => {
    const done = await scan;
    assert.equal(done.overLimit, false);
    assert.equal(done.policies, 7, JSON.stringify(done));
    const missing = await diagnosticsFor(uriOf('policies', 'currents-missing-getobject.json'));
    assert.ok(missing.some((d) => d.code === 'integration-missing-permission' && /s3:GetObject/.test(String(d.message))), JSON.stringify(missing));
    assert.deepEqual(codes(await diagnosticsFor(uriOf('infra', 'braze-export.yaml'))).sort(), ['action-unknown', 'integration-missing-permission', 'trust-external-id-missing']);
    assert.equal(published.has(uriOf('package.json')), false);
  });

  it('JSON: diagnostics, hover on an action, completion of actions and a quick fix', async () => {
    const uri = open(join('policies', 'currents-placeholder.json'), 'json');
    const diags = await diagnosticsFor(uri, (d) => d.length > 0);
    assert.deepEqual(codes(diags), ['placeholder', 'placeholder']);
    assert.match(String(diags[0].codeDescription?.href), /docs\/rules\.md#L\d+$/);
    const text = readFileSync(join(workspace, 'policies', 'currents-placeholder.json'), 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"s3:PutObject"'));
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: lines[line].indexOf('s3:PutObject') + 3 } });
    const md = (hover?.contents as MarkupContent).value;
    assert.match(md, /\*\*s3:PutObject\*\*/);
    assert.match(md, /Access level: Write/);
    // Completion right after "s3: inside an action string: the service's actions.
    const at = { line, character: lines[line].indexOf('s3:PutObject') + 3 };
    const items = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at })) as CompletionItem[];
    assert.ok(items.some((i) => i.label === 's3:GetObject'), `${items.length} items`);
    assert.ok(items.every((i) => i.label.startsWith('s3:')));
    const actions = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diags[0].range, context: { diagnostics: [diags[0]], only: ['quickfix'] } })) as CodeAction[];
    const replace = actions.find((a) => a.command?.command === 'brazeS3.replacePlaceholder');
    assert.equal(replace?.title, 'Replace INSERTBUCKETNAME with bucket name…');
    assert.deepEqual(replace?.command?.arguments, [uri, 'INSERTBUCKETNAME']);
  });

  it('.tf: diagnostics, a did-you-mean quick fix, an incremental edit re-checked, hover and completion', async () => {
    const file = join('infra', 'braze-currents.tf');
    const uri = open(file, 'terraform');
    const diags = await diagnosticsFor(uri, (d) => d.length > 0);
    const typo = diags.find((d) => d.code === 'action-unknown');
    assert.ok(typo, JSON.stringify(codes(diags)));
    const actions = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const edit = fix.edit!.changes![uri][0];
    assert.equal(edit.newText.replace(/"/g, ''), 's3:GetObject');
    assert.ok(actions.some((a) => a.kind === 'source.fixAll.brazeS3'), 'fix-all offered beside the quick fixes');
    // The edit, sent as an incremental change: the typo's finding goes, the others stay.
    published.delete(uri);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    const after = await diagnosticsFor(uri, (d) => d.length > 0);
    assert.equal(after.some((d) => d.code === 'action-unknown'), false, JSON.stringify(codes(after)));
    assert.ok(after.some((d) => d.code === 'trust-external-id-missing'));
    const text = readFileSync(join(workspace, file), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('"s3:ListBucket"'));
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: text[line].indexOf('s3:ListBucket') + 4 } });
    assert.match((hover?.contents as MarkupContent).value, /\*\*s3:ListBucket\*\*/);
    const items = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: text[line].indexOf('s3:ListBucket') + 3 } })) as CompletionItem[];
    assert.ok(items.some((i) => i.label === 's3:ListBucketVersions'), `${items.length} items`);
  });

  it('CloudFormation YAML: diagnostics and the did-you-mean quick fix', async () => {
    const uri = open(join('infra', 'braze-export.yaml'), 'yaml');
    const diags = await diagnosticsFor(uri, (d) => d.some((x) => x.code === 'action-unknown'));
    const typo = diags.find((d) => d.code === 'action-unknown')!;
    assert.match(String(typo.message), /s3:PutObjekt/);
    const actions = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo], only: ['quickfix'] } })) as CodeAction[];
    assert.ok(actions.some((a) => a.edit?.changes?.[uri]?.some((e) => e.newText.includes('s3:PutObject'))), JSON.stringify(actions.map((a) => a.title)));
  });

  it('resource ARNs only for the bucket names its client sent (brazeS3/knownBuckets); re-checks open documents when a purpose is declared (brazeS3/declared)', async () => {
    const uri = uriOf('policies', 'zz-lsp-buckets.json');
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme' }] }, null, 2);
    published.delete(uri);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text } });
    await diagnosticsFor(uri);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('arn:aws:s3:::acme'));
    const position = { line, character: lines[line].indexOf('arn:aws:s3:::acme') + 'arn:aws:s3:::acme'.length };
    const arns = async () => ((await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionItem[] | null ?? []).map((i) => i.label).filter((l) => l.startsWith('arn:aws:s3:::'));
    assert.deepEqual(await arns(), []);
    await connection.sendNotification('brazeS3/knownBuckets', { names: ['acme-braze-exports'] });
    assert.deepEqual(await arns(), ['arn:aws:s3:::acme-braze-exports', 'arn:aws:s3:::acme-braze-exports/*', 'arn:aws:s3:::acme-braze-exports/currents/*']);
    await connection.sendNotification('brazeS3/knownBuckets', {});
    assert.deepEqual(await arns(), []);
    published.delete(uri);
    await connection.sendNotification('brazeS3/declared', { choices: { [uri]: 'dashboard' } });
    const declared = await diagnosticsFor(uri, (d) => d.some((x) => x.code === 'integration-missing-permission'));
    assert.match(String(declared.find((x) => x.code === 'integration-missing-permission')!.message), /^Dashboard data export needs/);
  });
});
