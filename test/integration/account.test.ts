// The AWS account view, Test credentials and Verify role ARN in the real host, against moto
// (started and seeded with the demo account by the runner; the SDK finds it via AWS_ENDPOINT_URL).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor } from './util';

describe('AWS account view (moto)', () => {
  it('lists Buckets, Roles and Users, and the demo buckets under Buckets', async () => {
    const { account } = await api();
    const roots = await account.tree.getChildren();
    assert.deepEqual(roots.map((n) => account.tree.getTreeItem(n).label), ['Buckets', 'Roles', 'Users']);
    const buckets = await account.tree.getChildren(roots[0]);
    assert.deepEqual(buckets.map((n) => account.tree.getTreeItem(n).label), ['acme-braze-currents', 'acme-braze-exports', 'acme-braze-kms', 'acme-braze-locked', 'acme-marketing-assets']);
    assert.equal(account.tree.getTreeItem(buckets[0]).contextValue, 'bucket');
  });

  it('expands a bucket: region, then one folder per Currents connector with its delivery state and newest files', async () => {
    const { account } = await api();
    const [group] = await account.tree.getChildren();
    const buckets = await account.tree.getChildren(group);
    const bucket = buckets.find((n) => n.kind === 'bucket' && n.bucket.name === 'acme-braze-currents')!;
    const details = await account.tree.getChildren(bucket);
    const labels = details.map((n) => String(account.tree.getTreeItem(n).label));
    assert.deepEqual(labels, ['Region: us-east-1', 'currents/', 'currents-warehouse/']);
    // What expanding revealed is shown on the bucket item itself (no per-item call before that).
    assert.equal(account.tree.getTreeItem(bucket).description, 'us-east-1');
    const [connector] = await account.tree.getChildren(details[1]);
    assert.equal(connector.kind, 'connector');
    const files = await account.tree.getChildren(connector);
    assert.equal(files.length, 15, 'a delivering connector: its 15 newest files, no warning');
    assert.ok(files.every((f) => f.kind === 'object' && f.object.key.startsWith('currents/') && f.object.key.includes('/event_type=')));
    const [stopped] = await account.tree.getChildren(details[2]);
    const stoppedDetails = await account.tree.getChildren(stopped);
    assert.equal(stoppedDetails.length, 2 + 15, 'the countdown, what to check, then the newest files');
    // A dashboard-export bucket holds no Currents data, and says so (no "currents/" folder is assumed); its export files follow.
    const exportsBucket = buckets.find((n) => n.kind === 'bucket' && n.bucket.name === 'acme-braze-exports')!;
    const exportDetails = (await account.tree.getChildren(exportsBucket)).map((n) => String(account.tree.getTreeItem(n).label));
    assert.deepEqual(exportDetails.slice(0, 2), ['Region: us-east-1', 'No Currents data in this bucket']);
    assert.equal(exportDetails.length, 2 + 4);
  });

  it('AWS unreachable: the view names the endpoint it tried and the next step (no raw ECONNREFUSED), and recovers on retry', async () => {
    const { account } = await api();
    const config = vscode.workspace.getConfiguration('brazeS3');
    await config.update('endpoint', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Workspace);
    try {
      account.tree.refresh();
      const actions = await account.tree.getChildren();
      assert.deepEqual(actions.map((n) => [account.tree.getTreeItem(n).label, account.tree.getTreeItem(n).command?.command]), [
        ['Retry', 'brazeS3.refresh'], ['Open the endpoint setting', 'workbench.action.openSettings'], ['Select AWS profile…', 'brazeS3.selectProfile'],
      ]);
      assert.equal(account.tree.unreachable.text, 'AWS cannot be reached at http://127.0.0.1:9 (the endpoint setting: brazeS3.endpoint or --endpoint): connection refused: nothing is listening there. Start the local AWS if you use one (in this project: npm start), or check the AWS profile and the endpoint setting.');
    } finally {
      await config.update('endpoint', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand('brazeS3.refresh');
    assert.equal((await account.tree.getChildren()).length, 3);
    assert.equal(account.tree.unreachable.text, undefined);
  });

  it('lists the roles from IAM', async () => {
    const { account } = await api();
    const [, roles] = await account.tree.getChildren();
    const children = await account.tree.getChildren(roles);
    const names = children.map((n) => String(account.tree.getTreeItem(n).label));
    assert.deepEqual([...names].sort(), ['app-lambda-worker', 'braze-currents-export', 'braze-currents-missing-getobject', 'braze-export-no-external-id']);
    assert.ok(children.every((n) => account.tree.getTreeItem(n).contextValue === 'role'));
  });

  it('lists IAM users; a user shows its policies and its access keys with status, age and last use', async () => {
    const { account } = await api();
    const [, , users] = await account.tree.getChildren();
    const list = await account.tree.getChildren(users);
    const writer = list.find((n) => n.kind === 'user' && n.user.name === 'braze-currents-writer');
    assert.ok(writer, list.map((n) => String(account.tree.getTreeItem(n).label)).join(', '));
    assert.equal(account.tree.getTreeItem(writer).contextValue, 'user');
    const details = await account.tree.getChildren(writer);
    assert.deepEqual(details.map((n) => n.kind), ['policy', 'accessKey']);
    assert.equal(account.tree.getTreeItem(details[0]).label, 'braze-currents-s3');
    const key = account.tree.getTreeItem(details[1]);
    assert.equal(key.label, process.env.BRAZE_S3_DEMO_USER_KEY);
    assert.match(String(key.description), /^active · created 0 days ago · never used$/);
    assert.equal(key.contextValue, 'accessKey-active');
  });

  it('filters the tree', async () => {
    const { account } = await api();
    await vscode.commands.executeCommand('brazeS3.filter', 'exports');
    try {
      const [group] = await account.tree.getChildren();
      assert.deepEqual((await account.tree.getChildren(group)).map((n) => account.tree.getTreeItem(n).label), ['acme-braze-exports']);
    } finally {
      await vscode.commands.executeCommand('brazeS3.filter', '');
    }
  });

  it('Test credentials on a bucket runs every step and opens the report', async () => {
    const { account } = await api();
    const report = await vscode.commands.executeCommand<{ ok: boolean; steps: { id: string; status: string }[] }>('brazeS3.testCredentials', 'acme-braze-exports', { integration: 'dashboard', folder: 'exports', sse: false, credentials: { kind: 'profile' } });
    assert.ok(report, 'a report');
    assert.equal(report.ok, true, JSON.stringify(report.steps));
    assert.deepEqual(report.steps.map((s) => s.id), ['location', 'list', 'put', 'get', 'delete', 'objectLock', 'encryption']);
    assert.equal(account.lastReport()?.ok, true);
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'braze-s3-report'), (d) => !!d, 5000, 'report document');
    assert.equal(doc!.languageId, 'markdown');
    // A folder given for a dashboard export is ignored: dashboard exports write at the bucket root.
    assert.match(doc!.getText(), /^# ✓ Test credentials\n\n`s3:\/\/acme-braze-exports\/ \(dashboard\)`$/m);
    assert.match(doc!.getText(), /^Access key ID: `AKIA[A-Z0-9]+` {2}$/m);
    assert.match(doc!.getText(), /^- ✓ \*\*PutObject of a marker object\*\*: wrote braze-s3-credentials-check\.txt$/m);
    assert.match(doc!.getText(), /\*\*7 passed, 0 failed, 0 warnings, 0 skipped\*\*/);
  });

  it('Copy ARN puts the bucket ARN on the clipboard', async () => {
    const arn = await vscode.commands.executeCommand('brazeS3.copyArn', { kind: 'bucket', bucket: { name: 'acme-braze-exports' } });
    assert.equal(arn, 'arn:aws:s3:::acme-braze-exports');
    assert.equal(await vscode.env.clipboard.readText(), 'arn:aws:s3:::acme-braze-exports');
  });
});

describe('Verify role ARN from the editor (the context menu passes the document URI)', () => {
  async function openAt(occurrence: string, select: boolean): Promise<vscode.TextEditor> {
    const [file] = await vscode.workspace.findFiles('partner-roles.md');
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    const start = doc.getText().indexOf(occurrence);
    assert.ok(start >= 0, `${occurrence} in the fixture`);
    const from = doc.positionAt(start + (select ? 0 : 20));
    editor.selection = new vscode.Selection(from, select ? doc.positionAt(start + occurrence.length) : from);
    return editor;
  }

  it('the files holding a role ARN are in the menu\'s context before they are opened, and follow changes on disk', async () => {
    const { account } = await api();
    await account.roleArns.ready;
    const [md] = await vscode.workspace.findFiles('partner-roles.md');
    const [pkg] = await vscode.workspace.findFiles('package.json');
    assert.ok(account.roleArns.listed.includes(md.fsPath), account.roleArns.listed.join(', '));
    assert.ok(!account.roleArns.listed.includes(pkg.fsPath));
    const note = vscode.Uri.joinPath(md, '..', 'role-note-host-test.md');
    try {
      await vscode.workspace.fs.writeFile(note, new TextEncoder().encode('Role: arn:aws:iam::123456789012:role/braze-currents-export\n'));
      await waitFor(() => account.roleArns.listed, (l) => l.includes(note.fsPath), 10_000, 'the new note listed');
      await vscode.workspace.fs.writeFile(note, new TextEncoder().encode('No role here any more.\n'));
      await waitFor(() => account.roleArns.listed, (l) => !l.includes(note.fsPath), 10_000, 'the note no longer listed');
    } finally {
      await vscode.workspace.fs.delete(note);
    }
  });

  it('verifies the ARN under the cursor: the partner role with the external ID passes', async () => {
    const arn = 'arn:aws:iam::123456789012:role/braze-currents-export';
    const editor = await openAt(arn, false);
    const report = await vscode.commands.executeCommand<{ ok: boolean; subject: string; steps: { id: string; status: string }[] }>('brazeS3.verifyRole', editor.document.uri, { integration: 'currents', bucket: 'acme-braze-currents', folder: 'currents' });
    assert.ok(report, 'a report (no input box asked for the ARN)');
    assert.ok(report.subject.startsWith(arn), report.subject);
    assert.equal(report.ok, true, JSON.stringify(report.steps));
  });

  it('verifies the selected ARN: the role without the external ID fails its trust step', async () => {
    const arn = 'arn:aws:iam::123456789012:role/braze-export-no-external-id';
    const editor = await openAt(arn, true);
    const report = await vscode.commands.executeCommand<{ ok: boolean; subject: string; steps: { id: string; status: string }[] }>('brazeS3.verifyRole', editor.document.uri, { integration: 'dashboard', bucket: 'acme-braze-exports' });
    assert.ok(report.subject.startsWith(arn), report.subject);
    assert.equal(report.ok, false);
    assert.equal(report.steps.find((s) => s.id === 'trust')?.status, 'fail');
  });
});

describe('policies from AWS', () => {
  it('open read-only as JSON, and the diagnostics analyse them', async () => {
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('brazeS3.openPolicy', { kind: 'policy', role: 'braze-export', name: 'too-broad', policyKind: 'inline', document });
    assert.equal(doc.uri.scheme, 'braze-s3-policy');
    assert.equal(doc.languageId, 'json');
    const diags = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'braze-s3'), (d) => d.length > 0, 10_000, 'diagnostics');
    assert.ok(diags.some((d) => typeof d.code === 'object' && d.code.value === 'integration-excess-permission'));
    // A content-provider document opens in a read-only editor; its text is the policy from AWS.
    assert.equal(doc.getText(), JSON.stringify(JSON.parse(document), null, 4) + '\n');
  });
});

describe('secrets in the host', () => {
  it('a typed secret reaches no report, and (checked by the runner) no log, setting or storage file', async () => {
    const canary = process.env.BRAZE_S3_CANARY_SECRET;
    assert.ok(canary && canary.length >= 20, 'the runner sets BRAZE_S3_CANARY_SECRET');
    // moto's plain mode checks no signature, so the canary secret "works" here.
    const report = await vscode.commands.executeCommand<{ ok: boolean }>('brazeS3.testCredentials', 'acme-braze-exports', {
      integration: 'currents', folder: 'canary', sse: true, credentials: { kind: 'keys', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: canary } },
    });
    assert.equal(report.ok, true);
    assert.ok(!JSON.stringify(report).includes(canary));
    const shown = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'braze-s3-report').map((d) => d.getText()).join('\n');
    assert.ok(shown.length > 0 && !shown.includes(canary));
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('brazeS3')).includes(canary));
  });
});

describe('command failures', () => {
  it('an AWS failure inside a command ends in a message, not a rejected command', async () => {
    // No such role in the account: GetRole fails with NoSuchEntity.
    const result = await vscode.commands.executeCommand('brazeS3.showTrustPolicy', { kind: 'role', role: { name: 'braze-export', arn: 'arn:aws:iam::123456789012:role/braze-export', path: '/' } });
    assert.equal(result, undefined);
  });
});
