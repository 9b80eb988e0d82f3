// When AWS cannot be reached (the local AWS is stopped, a wrong endpoint, no network), the account
// view says where it tried, why, and what to do next, instead of a raw ECONNREFUSED: the view's
// message names the endpoint and the reason, and the tree holds one-click actions: retry, open the
// endpoint setting, choose the AWS profile. (Welcome content cannot name the endpoint, and a view
// message hides it: VS Code shows one or the other.)
import * as vscode from 'vscode';
import type { AwsProblem, ConnectionSettings } from '../aws';
import { loadAws } from '../loadAws';
import { uiLocale } from '../editor/settings';

/** The sentence the account view shows: the endpoint tried, why, and the next step. */
export function unreachableText(problem: AwsProblem, settings: ConnectionSettings): string {
  const aws = loadAws();
  const m = aws.liveMessages(uiLocale());
  const endpoint = aws.endpointOf(settings, 's3');
  return vscode.l10n.t('AWS cannot be reached at {0}{1}: {2}. Start the local AWS if you use one (in this project: npm start), or check the AWS profile and the endpoint setting.', endpoint.url, m.endpointFrom(endpoint), m.networkReason(problem.code));
}

export interface UnreachableAction {
  label: string;
  icon: string;
  command: vscode.Command;
}

/** What the person can do from the view, one click each. */
export function unreachableActions(): UnreachableAction[] {
  return [
    { label: vscode.l10n.t('Retry'), icon: 'refresh', command: { command: 'brazeS3.refresh', title: vscode.l10n.t('Retry') } },
    { label: vscode.l10n.t('Open the endpoint setting'), icon: 'gear', command: { command: 'workbench.action.openSettings', title: vscode.l10n.t('Open the endpoint setting'), arguments: ['brazeS3.endpoint'] } },
    { label: vscode.l10n.t('Select AWS profile…'), icon: 'account', command: { command: 'brazeS3.selectProfile', title: vscode.l10n.t('Select AWS profile…') } },
  ];
}

export class UnreachableNotice {
  private view: vscode.TreeView<unknown> | undefined;
  /** What the view says now (undefined: AWS answered); for tests. */
  text: string | undefined;

  attach(view: vscode.TreeView<unknown>): void {
    this.view = view;
  }

  show(problem: AwsProblem, settings: ConnectionSettings): void {
    this.text = unreachableText(problem, settings);
    if (this.view) this.view.message = this.text;
  }

  clear(): void {
    if (this.text === undefined) return;
    this.text = undefined;
    if (this.view) this.view.message = undefined;
  }
}
