// The one shell of this extension's webview pages: a strict Content-Security-Policy (nothing but
// this extension's own files and what carries this page's nonce), the user's language, VS Code's
// theme variables. The setup panel, the delivery view and the Avro viewer differ only in what
// they put in it.
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export interface WebviewPageParts {
  webview: vscode.Webview;
  lang: string;
  title?: string;
  /** Style sheets from the extension's files (media/, dist/). */
  styleUris?: vscode.Uri[];
  /** CSS written into the page. */
  style?: string;
  /** The page's script from the extension's files, or its text. */
  scriptUri?: vscode.Uri;
  script?: string;
  body: string;
  /** data: images (the chart library draws its legend markers with them). */
  dataImages?: boolean;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function webviewPage(p: WebviewPageParts): string {
  const nonce = randomBytes(16).toString('base64');
  const own = p.webview.cspSource;
  const csp = `default-src 'none'; img-src ${own}${p.dataImages ? ' data:' : ''}; style-src ${own} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const links = (p.styleUris ?? []).map((u) => `<link rel="stylesheet" href="${p.webview.asWebviewUri(u)}" nonce="${nonce}">`).join('\n');
  const style = p.style ? `<style nonce="${nonce}">${p.style}</style>` : '';
  const script = p.scriptUri
    ? `<script nonce="${nonce}" src="${p.webview.asWebviewUri(p.scriptUri)}"></script>`
    : p.script ? `<script nonce="${nonce}">${p.script}</script>` : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}
${style}
${p.title ? `<title>${escapeHtml(p.title)}</title>` : ''}
</head>
<body>
${p.body}
${script}
</body>
</html>`;
}
