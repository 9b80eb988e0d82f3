// The viewer's page: a strict Content Security Policy (scripts and styles only from media/avro with
// this page's nonce), VS Code's theme variables for every colour, and its text passed in from
// the host in the user's language.
import * as vscode from 'vscode';
import { webviewPage } from '../webviewPage';

export function viewerHtml(webview: vscode.Webview, media: vscode.Uri, lang: string): string {
  return webviewPage({
    webview, lang,
    styleUris: [vscode.Uri.joinPath(media, 'viewer.css')],
    scriptUri: vscode.Uri.joinPath(media, 'viewer.js'),
    body: '<main id="app" aria-busy="true"></main>',
  });
}

/** Every text the viewer shows, in the user's language. */
export function viewerStrings(): Record<string, string> {
  return {
    codec: vscode.l10n.t('Codec'),
    size: vscode.l10n.t('Size'),
    records: vscode.l10n.t('Records'),
    counting: vscode.l10n.t('counting…'),
    schema: vscode.l10n.t('Writer schema'),
    filter: vscode.l10n.t('Filter'),
    anyColumn: vscode.l10n.t('Any column'),
    filterPlaceholder: vscode.l10n.t('Text to find in the column'),
    clear: vscode.l10n.t('Clear'),
    previous: vscode.l10n.t('Previous page'),
    next: vscode.l10n.t('Next page'),
    moreMatches: vscode.l10n.t('More matches'),
    rangeOf: vscode.l10n.t('Records {0}–{1} of {2}'),
    rangeOfUnknown: vscode.l10n.t('Records {0}–{1} (counting…)'),
    noRecords: vscode.l10n.t('No records.'),
    matches: vscode.l10n.t('{0} matching records shown ({1})'),
    matchesOne: vscode.l10n.t('1 matching record shown ({1})'),
    noMatches: vscode.l10n.t('No record matches ({0}).'),
    searching: vscode.l10n.t('Searching…'),
    loading: vscode.l10n.t('Reading…'),
    record: vscode.l10n.t('Record {0}'),
    pickRecord: vscode.l10n.t('Select a row to see the whole record as JSON.'),
    cannotOpen: vscode.l10n.t('This file cannot be opened'),
    problem: vscode.l10n.t('Part of this file cannot be read'),
    table: vscode.l10n.t('Records of the file'),
  };
}
