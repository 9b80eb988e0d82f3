// The setup's webview: first the change set to review (each resource to add / modify / remove and
// the policy and trust documents in full) with Deploy and Cancel, then what to paste into Braze
// with a Copy button per value. Theme colours, a strict Content-Security-Policy and one nonce
// script; the secret access key is never put in the page (it is handed over in a modal, once).
import * as vscode from 'vscode';
import { webviewPage } from '../webviewPage';
import type { PasteGroup, SetupPreview } from '../../aws';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.2em 2em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: .5em 0; } td, th { text-align: left; padding: .3em .8em .3em 0; border-bottom: 1px solid var(--vscode-panel-border); }
code, pre { font-family: var(--vscode-editor-font-family); } pre { background: var(--vscode-textCodeBlock-background); padding: .6em; overflow: auto; }
.Add { color: var(--vscode-gitDecoration-addedResourceForeground); } .Remove { color: var(--vscode-gitDecoration-deletedResourceForeground); } .Modify { color: var(--vscode-gitDecoration-modifiedResourceForeground); }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: .4em 1em; margin-right: .6em; cursor: pointer; }
button.secondary { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
.note { color: var(--vscode-descriptionForeground); }
`;

// Deploy / Cancel / Copy: one message each; after Deploy or Cancel every button is off.
const SCRIPT = `
const vscode = acquireVsCodeApi();
for (const b of document.querySelectorAll('button[data-send]')) b.addEventListener('click', () => {
  vscode.postMessage({ type: b.dataset.send, value: b.dataset.value });
  if (b.dataset.send !== 'copy') for (const x of document.querySelectorAll('button[data-send]')) x.disabled = true;
});
`;

function page(webview: vscode.Webview, title: string, body: string): string {
  return webviewPage({ webview, lang: vscode.env.language, title, style: STYLE, script: SCRIPT, body });
}

export class SetupPanel {
  private panel: vscode.WebviewPanel;
  private closed = false;
  private listener: vscode.Disposable | undefined;

  constructor() {
    this.panel = this.open();
  }

  private open(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('brazeS3.setup', vscode.l10n.t('Braze export setup'), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, { enableScripts: true, retainContextWhenHidden: true });
    this.closed = false;
    panel.onDidDispose(() => (this.closed = true));
    return panel;
  }

  private show(title: string, body: string, onMessage: (m: { type: string; value?: string }) => void): void {
    this.listener?.dispose();
    // Closed while CloudFormation worked: the values to paste get a panel of their own.
    if (this.closed) this.panel = this.open();
    this.panel.title = title;
    this.listener = this.panel.webview.onDidReceiveMessage(onMessage);
    this.panel.webview.html = page(this.panel.webview, title, body);
    this.panel.reveal();
  }

  /** Shows the change set; resolves true for Deploy, false for Cancel or a closed panel. */
  review(preview: SetupPreview): Promise<boolean> {
    const { changeSet, plan } = preview;
    const rows = changeSet.changes.map((c) => `<tr><td class="${esc(c.action)}">${esc(actionLabel(c.action))}</td><td><code>${esc(c.logicalId)}</code></td><td>${esc(c.type)}</td><td>${c.replacement === 'True' ? esc(vscode.l10n.t('replaced')) : ''}</td></tr>`).join('');
    const docs = plan.documents.map((d) => `<h2>${esc(d.kind === 'trust' ? vscode.l10n.t('Trust policy') : vscode.l10n.t('Policy'))}: <code>${esc(d.name)}</code></h2><pre>${esc(d.json)}</pre>`).join('');
    const title = vscode.l10n.t('Review the change set');
    const body = `<h1>${esc(title)}</h1>
<p>${esc(changeSet.type === 'CREATE' ? vscode.l10n.t('New stack {0}. Nothing has changed in the account yet.', changeSet.stackName) : vscode.l10n.t('Update of the stack {0}: only the differences are listed. Nothing has changed yet.', changeSet.stackName))}</p>
<table><tr><th>${esc(vscode.l10n.t('Action'))}</th><th>${esc(vscode.l10n.t('Resource'))}</th><th>${esc(vscode.l10n.t('Type'))}</th><th></th></tr>${rows}</table>
${plan.answers.existingBucket ? `<p class="note">${esc(vscode.l10n.t('The existing bucket {0} is not in the stack: it is neither changed nor ever deleted.', plan.answers.bucket))}</p>` : `<p class="note">${esc(vscode.l10n.t('The new bucket {0} is kept if the stack is deleted (DeletionPolicy: Retain): export data is never deleted.', plan.answers.bucket))}</p>`}
<p><button data-send="deploy" id="deploy">${esc(vscode.l10n.t('Deploy'))}</button><button class="secondary" data-send="cancel" id="cancel">${esc(vscode.l10n.t('Cancel'))}</button></p>
${docs}`;
    return new Promise((resolve) => {
      const closed = this.panel.onDidDispose(() => resolve(false));
      this.show(title, body, (m) => {
        if (m.type !== 'deploy' && m.type !== 'cancel') return;
        closed.dispose();
        resolve(m.type === 'deploy');
      });
    });
  }

  /** What to paste into Braze, in the partner dashboard's order, each value with Copy. */
  result(groups: PasteGroup[], status: { verified: boolean; unchanged: boolean; stack: string }): void {
    const title = vscode.l10n.t('What to paste into Braze');
    const sections = groups.map((g) => `<h2>${esc(g.title)}</h2><table>${g.fields.map((f) => `<tr><td>${esc(f.label)}</td><td><code>${esc(f.value ?? vscode.l10n.t('(shown once when the key was created)'))}</code></td><td>${f.value ? `<button class="secondary" data-send="copy" data-value="${esc(f.value)}" aria-label="${esc(vscode.l10n.t('Copy {0}', f.label))}">${esc(vscode.l10n.t('Copy'))}</button>` : ''}</td></tr>`).join('')}</table>`).join('');
    const state = status.verified ? vscode.l10n.t('✓ Verified: the partner can write with these values.') : vscode.l10n.t('✗ The verification failed: see the report before pasting.');
    const body = `<h1>${esc(title)}</h1><p>${esc(state)}</p><p class="note">${esc(status.unchanged ? vscode.l10n.t('The stack {0} already matched: nothing was changed.', status.stack) : vscode.l10n.t('Deployed with the CloudFormation stack {0}.', status.stack))}</p>${sections}`;
    this.show(title, body, (m) => {
      if (m.type === 'copy' && m.value) void vscode.env.clipboard.writeText(m.value).then(() => vscode.window.setStatusBarMessage(vscode.l10n.t('Copied.'), 2000));
    });
  }

  dispose(): void {
    this.listener?.dispose();
    this.panel.dispose();
  }
}

function actionLabel(a: string): string {
  return a === 'Add' ? vscode.l10n.t('Add') : a === 'Remove' ? vscode.l10n.t('Remove') : a === 'Modify' ? vscode.l10n.t('Modify') : a;
}
