// `braze-s3 setup` and `braze-s3 teardown`: the extension's "Set up the export in this account"
// for scripts and CI. Same answers as flags; --dry-run prints the change set and deletes it;
// --yes deploys without asking (required when stdin is not a terminal). An access key's secret
// goes only to --key-file (mode 0600) or, on a terminal, to the screen once.
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type * as Aws from '../aws';
import type { Locale } from '../policy';
import { loadAws } from '../loadAws';
import { Parsed, UsageError, defaultLocale, oneOf, partnerAccountIdOption, str } from './args';

const CONNECTION = { profile: true, region: true, endpoint: true, format: true, lang: true, 'timeout-ms': true, yes: false };
export const SETUP_OPTIONS = { ...CONNECTION, integration: true, method: true, bucket: true, 'existing-bucket': false, folder: true, 'partner-account-id': true, 'external-id': true, 'stack-name': true, name: true, 'dry-run': false, 'key-file': true };
export const TEARDOWN_OPTIONS = { ...CONNECTION, stack: true };

export interface Terminal {
  interactive: boolean;
  ask(question: string): Promise<string>;
}

export const processTerminal: Terminal = {
  interactive: !!process.stdin.isTTY && !!process.stdout.isTTY,
  async ask(question) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
};

function connection(parsed: Parsed) {
  const timeout = str(parsed, 'timeout-ms');
  const timeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (timeoutMs !== undefined && !(timeoutMs >= 100 && timeoutMs <= 600_000)) throw new UsageError('--timeout-ms must be between 100 and 600000');
  return {
    settings: { profile: str(parsed, 'profile'), region: str(parsed, 'region'), endpoint: str(parsed, 'endpoint'), timeoutMs },
    format: oneOf(parsed, 'format', ['text', 'json'] as const, 'text'),
    locale: oneOf(parsed, 'lang', ['en', 'es'] as const, defaultLocale()) as Locale,
    yes: parsed.options.has('yes'),
  };
}

export function setupAnswersOf(parsed: Parsed): Aws.SetupAnswers {
  const bucket = str(parsed, 'bucket');
  if (!bucket) throw new UsageError('--bucket is required');
  const integration = oneOf(parsed, 'integration', ['currents', 'dashboard', 'both'] as const, 'currents');
  const method = oneOf(parsed, 'method', ['role', 'key'] as const, 'role');
  const partnerAccountId = partnerAccountIdOption(parsed);
  const externalId = str(parsed, 'external-id');
  if (method === 'role' && (!partnerAccountId || !externalId)) throw new UsageError('--method role needs --partner-account-id and --external-id (the partner dashboard shows both)');
  return {
    integration, auth: method === 'role' ? 'role-arn' : 'secret-key', bucket, existingBucket: parsed.options.has('existing-bucket'), folder: str(parsed, 'folder'),
    partnerAccountId, externalId, stackName: str(parsed, 'stack-name'), identityName: str(parsed, 'name'),
  };
}

/** The change set as text: each resource to add / modify / remove, then the documents in full. */
export function changeSetText(preview: Aws.SetupPreview): string {
  const lines = [`Stack ${preview.changeSet.stackName} (${preview.changeSet.type === 'CREATE' ? 'new' : 'update'}):`];
  for (const c of preview.changeSet.changes) lines.push(`  ${c.action === 'Add' ? '+' : c.action === 'Remove' ? '-' : '~'} ${c.action} ${c.logicalId} (${c.type})${c.replacement === 'True' ? ' [replacement]' : ''}`);
  for (const d of preview.plan.documents) lines.push('', `${d.name}:`, d.json);
  return lines.join('\n');
}

type Write = (s: string) => void;

export async function runSetupCommand(parsed: Parsed, write: Write, terminal: Terminal = processTerminal): Promise<number> {
  const c = connection(parsed);
  const answers = setupAnswersOf(parsed);
  const dryRun = parsed.options.has('dry-run');
  const keyFile = str(parsed, 'key-file');
  // Where the secret goes is settled before anything is created.
  if (!dryRun && answers.auth === 'secret-key' && !keyFile && (!terminal.interactive || c.format === 'json')) throw new UsageError('--method key needs --key-file PATH (the secret is written there once, mode 0600) unless run on a terminal with text output');
  if (!dryRun && !c.yes && !terminal.interactive) throw new UsageError('not a terminal: pass --yes to deploy without asking, or --dry-run to see the change set');
  const aws = loadAws();
  const m = aws.setupMessages(c.locale);
  const clients = aws.createClients(c.settings);
  const progress: string[] = [];
  let previewText: string | undefined;
  try {
    const outcome = await aws.runSetup(clients, answers, {
      progress: (t) => {
        progress.push(t);
        if (c.format === 'text') write(t);
      },
      confirm: async (preview) => {
        previewText = changeSetText(preview);
        if (c.format === 'text') write(previewText);
        if (dryRun) return false;
        if (c.yes) return true;
        return /^y(es)?$|^s(í|i)?$/i.test((await terminal.ask('Deploy this change set? [y/N] ')).trim());
      },
      handOverKey: async (key) => {
        if (keyFile) writeFileSync(keyFile, JSON.stringify({ AccessKeyId: key.accessKeyId, SecretAccessKey: key.secretAccessKey }, null, 2) + '\n', { mode: 0o600 });
        else write(`${m.field.accessKeyId}: ${key.accessKeyId}\n${m.field.secretAccessKey}: ${key.secretAccessKey}\n(shown once: it is not stored anywhere)`);
        return true;
      },
    }, { locale: c.locale });
    const code = exitCode(outcome, dryRun);
    if (c.format === 'json') write(JSON.stringify(jsonOf(outcome, dryRun, keyFile), null, 2));
    else write(summaryText(outcome, dryRun, c.locale));
    return code;
  } finally {
    clients.dispose();
  }
}

function exitCode(o: Aws.SetupOutcome, dryRun: boolean): number {
  if (o.status === 'invalid') return 2;
  if (o.status === 'cancelled') return dryRun ? 0 : 1;
  if (o.status === 'deployed' || o.status === 'unchanged') return o.verified ? 0 : 1;
  return 1;
}

function jsonOf(o: Aws.SetupOutcome, dryRun: boolean, keyFile?: string): object {
  if (o.status === 'invalid') return { status: o.status, problems: o.problems };
  if (o.status === 'refused') return { status: o.status, reason: o.reason, message: o.message };
  if (o.status === 'cancelled') return { status: dryRun ? 'dry-run' : 'cancelled', stack: o.plan.names.stack, changes: o.changeSet?.changes ?? [], documents: o.plan.documents.map((d) => ({ name: d.name, document: JSON.parse(d.json) })) };
  if (o.status === 'failed') return { status: o.status, stack: o.plan.names.stack, stackStatus: o.stackStatus, message: o.message, failures: o.failures };
  return {
    status: o.status, stack: o.plan.names.stack, verified: o.verified, attempts: o.attempts, roleArn: o.roleArn, userName: o.userName, accessKeyId: o.accessKeyId, keyFile,
    changes: o.changeSet.changes, paste: o.paste, reports: o.reports.map((r) => ({ kind: r.kind, subject: r.subject, ok: r.ok, steps: r.steps })),
  };
}

function summaryText(o: Aws.SetupOutcome, dryRun: boolean, locale: Locale): string {
  const aws = loadAws();
  if (o.status === 'invalid') return o.problems.map((p) => `✗ ${p}`).join('\n');
  if (o.status === 'refused' || o.status === 'failed') return `✗ ${o.message}`;
  if (o.status === 'cancelled') return dryRun ? '(dry run: the change set was deleted, nothing was changed)' : aws.setupMessages(locale).phase.cancelled;
  const lines = [...o.reports.map((r) => aws.reportText(r)), ''];
  for (const g of o.paste) {
    lines.push(`${g.title}:`);
    for (const f of g.fields) lines.push(`  ${f.label}: ${f.value ?? '(shown above, once)'}`);
  }
  return lines.join('\n');
}

export async function runTeardownCommand(parsed: Parsed, write: Write, terminal: Terminal = processTerminal): Promise<number> {
  const c = connection(parsed);
  const stack = str(parsed, 'stack');
  if (!stack) throw new UsageError('--stack is required (the stack the setup made, e.g. braze-currents-BUCKET)');
  if (!c.yes && !terminal.interactive) throw new UsageError('not a terminal: pass --yes to delete without asking');
  const aws = loadAws();
  const clients = aws.createClients(c.settings);
  try {
    const outcome = await aws.runTeardown(clients, stack, {
      progress: (t) => c.format === 'text' && write(t),
      confirm: async (p) => {
        if (c.format === 'text') {
          write(`Deletes: ${p.deleted.map((d) => `${d.type} ${d.name}`).join(', ') || '(nothing)'}`);
          write(`Keeps: ${p.kept.map((k) => `${k.type} ${k.name} and its data`).join(', ') || 'the bucket and its data (never in the stack)'}`);
        }
        if (c.yes) return true;
        return /^y(es)?$|^s(í|i)?$/i.test((await terminal.ask(`Delete the stack ${stack}? [y/N] `)).trim());
      },
    }, { locale: c.locale });
    if (c.format === 'json') write(JSON.stringify(outcome.status === 'missing' ? outcome : { status: outcome.status, stack, deleted: outcome.preview.deleted, kept: outcome.preview.kept, stackStatus: 'outcome' in outcome ? outcome.outcome.status : undefined }, null, 2));
    else write(outcome.status === 'missing' ? `✗ no stack named ${stack}` : outcome.status === 'deleted' ? `✓ deleted ${stack}` : outcome.status === 'cancelled' ? 'cancelled: nothing was deleted' : `✗ ${stack}: ${outcome.outcome.status}`);
    return outcome.status === 'deleted' ? 0 : outcome.status === 'cancelled' ? 1 : 1;
  } finally {
    clients.dispose();
  }
}
