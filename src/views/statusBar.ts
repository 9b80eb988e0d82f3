// The status-bar item that says which AWS profile, region and endpoint the account view uses, and
// the context key that hides live features in an untrusted workspace.
import * as vscode from 'vscode';

export function connectionStatus(): { item: vscode.StatusBarItem; update(): void; updateTrust(): void } {
  const item = vscode.window.createStatusBarItem('brazeS3.connection', vscode.StatusBarAlignment.Left, 10);
  const update = () => {
    const s = vscode.workspace.getConfiguration('brazeS3');
    const profile = s.get<string>('profile') || process.env.AWS_PROFILE || 'default';
    const region = s.get<string>('region') || process.env.AWS_REGION || 'us-east-1';
    const endpoint = s.get<string>('endpoint');
    item.text = `$(cloud) ${profile} · ${region}${endpoint ? ' · ' + endpoint : ''}`;
    item.tooltip = vscode.l10n.t('Braze S3: AWS profile and region for the account view and live checks');
    item.command = 'brazeS3.selectProfile';
    item.name = 'Braze S3';
    item.show();
  };
  const updateTrust = () => void vscode.commands.executeCommand('setContext', 'brazeS3.untrusted', !vscode.workspace.isTrusted);
  update();
  updateTrust();
  return { item, update, updateTrust };
}
