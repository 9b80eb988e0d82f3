// dist/server.js: the language server over stdio (`braze-s3 lsp`, or `node dist/server.js --stdio`).
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

export function runStdioServer(): void {
  // Whatever the server prints would corrupt the protocol on stdout: logs go to the client.
  console.log = console.error;
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}

if (require.main === module) runStdioServer();
