// When AWS cannot be reached (the local AWS is stopped, a wrong endpoint, no network), the account
// view says where it tried and what to do next, instead of a raw ECONNREFUSED: the view's message
// names the endpoint and the reason, and its welcome content (package.json, "brazeS3.unreachable")
// offers buttons to retry, open the endpoint setting and choose the AWS profile.
import * as vscode from 'vscode';
import type { AwsProblem, ConnectionSettings } from '../aws';
import { loadAws } from '../loadAws';
import { uiLocale } from '../editor/settings';

export const UNREACHABLE_CONTEXT = 'brazeS3.unreachable';

/** The sentence the account view shows: the endpoint tried, why, and the next step. */
export function unreachableText(problem: AwsProblem, settings: ConnectionSettings): string {
  const aws = loadAws();
  const m = aws.liveMessages(uiLocale());
  const endpoint = aws.endpointOf(settings, 's3');
  return vscode.l10n.t('AWS cannot be reached at {0}{1}: {2}. Start the local AWS if you use one (in this project: npm start), or check the AWS profile and the endpoint setting.', endpoint.url, m.endpointFrom(endpoint), m.networkReason(problem.code));
}

export class UnreachableNotice {
  private view: vscode.TreeView<unknown> | undefined;
  private shown = false;
  /** What the view says now (undefined: AWS answered); for tests. */
  text: string | undefined;

  attach(view: vscode.TreeView<unknown>): void {
    this.view = view;
  }

  show(problem: AwsProblem, settings: ConnectionSettings): void {
    this.text = unreachableText(problem, settings);
    if (this.view) this.view.message = this.text;
    this.shown = true;
    void vscode.commands.executeCommand('setContext', UNREACHABLE_CONTEXT, true);
  }

  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.text = undefined;
    if (this.view) this.view.message = undefined;
    void vscode.commands.executeCommand('setContext', UNREACHABLE_CONTEXT, false);
  }
}
