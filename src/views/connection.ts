// The connection the account view and live checks use: brazeS3.profile / region / endpoint,
// one set of SDK clients per distinct connection, rebuilt when the settings change.
import * as vscode from 'vscode';
import type { Clients, ConnectionSettings } from '../aws';
import { loadAws } from '../loadAws';

export function connectionSettings(): ConnectionSettings {
  const c = vscode.workspace.getConfiguration('brazeS3');
  const text = (k: string) => (c.get<string>(k) ?? '').trim() || undefined;
  return { profile: text('profile'), region: text('region'), endpoint: text('endpoint'), timeoutMs: c.get<number>('requestTimeoutMs') ?? 15_000 };
}

export class AccountConnection implements vscode.Disposable {
  private clients: Clients | undefined;
  private key = '';
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('brazeS3.profile') || e.affectsConfiguration('brazeS3.region') || e.affectsConfiguration('brazeS3.endpoint') || e.affectsConfiguration('brazeS3.requestTimeoutMs')) {
        this.reset();
        this.changed.fire();
      }
    });
  }

  /** No AWS call is made in an untrusted workspace (its settings could point anywhere). */
  get allowed(): boolean {
    return vscode.workspace.isTrusted;
  }

  get(): Clients {
    const settings = connectionSettings();
    const key = JSON.stringify(settings);
    if (!this.clients || key !== this.key) {
      this.clients?.dispose();
      this.clients = loadAws().createClients(settings);
      this.key = key;
    }
    return this.clients;
  }

  /** Clients with other credentials (typed keys for Test credentials): the caller disposes them. */
  withCredentials(credentials: NonNullable<ConnectionSettings['credentials']>): Clients {
    return loadAws().createClients({ ...connectionSettings(), credentials });
  }

  reset(): void {
    this.clients?.dispose();
    this.clients = undefined;
  }

  dispose(): void {
    this.reset();
    this.listener.dispose();
    this.changed.dispose();
  }
}
