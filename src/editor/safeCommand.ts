// Every command goes through here: a failure becomes one clear message and a log line, never an
// exception in the extension host.
import * as vscode from 'vscode';
import { redactSessionSecrets } from './sessionSecrets';

export function registerSafeCommand(
  id: string,
  run: (...args: never[]) => unknown,
  log: vscode.LogOutputChannel,
  describe: (error: unknown) => string = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)),
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await (run as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      // An error may quote anything it was given, a secret among them: scrub before it is shown.
      const text = redactSessionSecrets(describe(error));
      log.error(`${id}: ${text}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Braze S3: {0}', text));
      return undefined;
    }
  });
}
