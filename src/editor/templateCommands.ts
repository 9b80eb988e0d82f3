// "Insert Currents policy…", "Insert dashboard export policy…", "Insert role trust policy…" and
// "New policy file…": quick picks and input boxes, then the engine's templates. Cancelling at any
// step changes nothing. Every answer can also be passed as an argument (tests, other commands).
import * as vscode from 'vscode';
import { IntegrationId, appendStatements, documentShape, missingStatements, policyText, trustPolicyText } from '../policy';
import { documentKind } from '../policy';
import { parsePolicy } from '../policy';
import { BucketLister, askAccountId, askBucketName, askExternalId, askFolder } from './prompts';
import { integrationLabel } from './integrationLens';
import { readSettings } from './settings';
import { openUntitled } from './untitledDocument';

export interface TemplateAnswers {
  integration?: IntegrationId;
  auth?: 'secret-key' | 'role-arn';
  bucket?: string;
  /** Folder path; '' (or scope 'bucket') grants the whole bucket. */
  folder?: string;
  scope?: 'bucket' | 'folder';
  partnerAccountId?: string;
  externalId?: string;
  /** Where the text goes: at the cursor of the active editor, or a new untitled document. */
  target?: 'cursor' | 'new';
  /** In a document that already holds JSON: add the missing statements, replace it, or a new file (asked when absent). */
  placement?: Placement;
}

type Placement = 'merge' | 'replace' | 'new';

async function pickIntegration(): Promise<IntegrationId | undefined> {
  const items = (['currents', 'dashboard'] as IntegrationId[]).map((id) => ({ label: integrationLabel(id), id }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which integration?') }))?.id;
}

async function pickAuth(): Promise<'secret-key' | 'role-arn' | undefined> {
  const items = [
    { label: vscode.l10n.t('AWS secret access key'), description: vscode.l10n.t('an IAM user with this policy attached'), id: 'secret-key' as const },
    { label: vscode.l10n.t('AWS role ARN'), description: vscode.l10n.t('a role trusting the partner account, with an external ID'), id: 'role-arn' as const },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('How will the partner authenticate?') }))?.id;
}

async function pickScope(folder: string): Promise<'bucket' | 'folder' | undefined> {
  const items = [
    { label: vscode.l10n.t('Whole bucket'), description: 'BUCKET/*', id: 'bucket' as const },
    { label: vscode.l10n.t('Only the folder'), description: `BUCKET/${folder}/*`, id: 'folder' as const },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Scope the object permissions') }))?.id;
}

async function newDocument(text: string): Promise<vscode.TextDocument> {
  const document = await openUntitled('json', text);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * Asks where the template goes in a document that already holds JSON. Statements are added only
 * to a policy of the same kind (a trust statement in a permission policy would be wrong).
 */
async function askPlacement(shape: 'policy' | 'json', missing: number | undefined): Promise<Placement | undefined> {
  const items: { label: string; detail?: string; id: Placement }[] = [];
  if (missing !== undefined && missing > 0) {
    items.push({ label: missing === 1 ? vscode.l10n.t('Add the missing statement to this policy') : vscode.l10n.t('Add the {0} missing statements to this policy', missing), detail: vscode.l10n.t('Appended to its Statement array; nothing else changes'), id: 'merge' });
  }
  items.push({ label: vscode.l10n.t('Open it in a new file'), id: 'new' });
  items.push({ label: vscode.l10n.t('Replace the whole document'), detail: shape === 'policy' ? vscode.l10n.t('The current policy is lost (Undo brings it back)') : undefined, id: 'replace' });
  const title = missing === 0 ? vscode.l10n.t('This policy already holds every statement of the template') : vscode.l10n.t('This document already holds JSON: where should the template go?');
  return (await vscode.window.showQuickPick(items, { title }))?.id;
}

/**
 * Writes a template without ever breaking the open document: an empty or non-JSON document gets
 * it at the cursor; a policy can take the statements it lacks; otherwise a new file or, when
 * asked, a replacement of the whole document (one undoable edit).
 */
async function output(text: string, target: 'cursor' | 'new', placement?: Placement): Promise<vscode.TextDocument | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (target !== 'cursor' || !editor) return newDocument(text);
  const doc = editor.document;
  const current = doc.getText();
  const shape = documentShape(current, /^jsonc?$/.test(doc.languageId));
  if (shape === 'empty' || shape === 'text') {
    await editor.insertSnippet(new vscode.SnippetString().appendText(text), shape === 'empty' ? new vscode.Range(doc.positionAt(0), doc.positionAt(current.length)) : editor.selection);
    return doc;
  }
  const sameKind = shape === 'policy' && detectKindOfText(current) === detectKindOfText(text);
  const missing = sameKind ? missingStatements(current, text) : undefined;
  const choice = placement ?? (await askPlacement(shape, missing?.length));
  if (!choice) return undefined;
  if (choice === 'new') return newDocument(text);
  const edit = new vscode.WorkspaceEdit();
  if (choice === 'replace') edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(current.length)), text);
  else {
    if (!missing) return undefined; // not a policy of the template's kind: nothing to merge into
    const tabs = !(editor.options.insertSpaces ?? true);
    const size = typeof editor.options.tabSize === 'number' ? editor.options.tabSize : 4;
    for (const e of appendStatements(current, missing, { insertSpaces: !tabs, tabSize: size, eol: doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n' })) {
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.content);
    }
  }
  await vscode.workspace.applyEdit(edit);
  return doc;
}

function detectKindOfText(text: string): string {
  return documentKind(parsePolicy(text));
}

/** Collects the answers (asking only for what is missing) and writes the policy. */
export async function insertPolicy(listBuckets: BucketLister, given: TemplateAnswers = {}, defaultTarget: 'cursor' | 'new' = 'cursor'): Promise<vscode.TextDocument | undefined> {
  const settings = readSettings(vscode.window.activeTextEditor?.document.uri);
  const integration = given.integration ?? (await pickIntegration());
  if (!integration) return undefined;
  const auth = given.auth ?? (await pickAuth());
  if (!auth) return undefined;
  const bucket = given.bucket ?? (await askBucketName(listBuckets));
  if (!bucket) return undefined;
  let folder = given.folder;
  let scope = given.scope;
  if (integration === 'currents' && folder === undefined && scope !== 'bucket') {
    folder = await askFolder(settings.folderPath ?? 'currents');
    if (folder === undefined) return undefined;
  }
  if (folder && !scope) {
    scope = await pickScope(folder);
    if (!scope) return undefined;
  }
  const target = given.target ?? defaultTarget;
  const document = await output(policyText(integration, { bucket, folder: scope === 'folder' ? folder : undefined }), target, given.placement);
  if (!document) return undefined;
  // The role method also needs the trust policy: it opens beside the permission policy.
  if (auth === 'role-arn') await insertTrustPolicy({ ...given, target: 'new' });
  return document;
}

export async function insertTrustPolicy(given: TemplateAnswers = {}): Promise<vscode.TextDocument | undefined> {
  const settings = readSettings(vscode.window.activeTextEditor?.document.uri);
  const account = given.partnerAccountId ?? settings.partnerAccountId ?? (await askAccountId());
  if (!account) return undefined;
  const externalId = given.externalId ?? settings.externalId ?? (await askExternalId());
  if (!externalId) return undefined;
  return output(trustPolicyText(account, externalId), given.target ?? 'cursor', given.placement);
}
