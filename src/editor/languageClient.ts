// The language server's client (vscode-languageclient), a separate bundle (dist/client.js) required
// right after activation (workspaceDiagnostics.ts starts it): the extension's own bundle stays light.
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions } from 'vscode-languageclient/node';

export type { LanguageClient };

/** Starts dist/server.js over stdio as a client of it. */
export function createLanguageClient(serverModule: string, clientOptions: LanguageClientOptions): LanguageClient {
  const run = { module: serverModule, transport: TransportKind.stdio };
  return new LanguageClient('brazeS3', 'Braze S3', { run, debug: run }, clientOptions);
}
