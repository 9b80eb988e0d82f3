// Delivery summaries for the tree and the delivery view: one bounded listing per Currents folder,
// cached until the tree is refreshed, cancellable, with a progress notification when it takes
// more than a moment.
import * as vscode from 'vscode';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DeliveryHealth, DeliveryThresholds, FolderDelivery } from '../../aws';
import { loadAws } from '../../loadAws';
import { isSingular } from '../../editor/settings';

/** The thresholds from the settings (brazeS3.delivery.*), each at least one hour. */
export function readThresholds(): DeliveryThresholds {
  const c = vscode.workspace.getConfiguration('brazeS3.delivery');
  const hours = (key: string, fallback: number) => {
    const v = c.get<number>(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback;
  };
  return { quietHours: hours('quietHours', 6), stoppedHours: hours('stoppedHours', 24), dropWindowHours: hours('dropWindowHours', 48) };
}

export function healthOf(newestHour: number | undefined, now = Date.now()): DeliveryHealth {
  return loadAws().deliveryHealth(newestHour, now, readThresholds());
}

/** How long a listing runs before its progress notification shows. */
const PROGRESS_AFTER_MS = 800;

export class DeliverySummaries {
  private readonly cache = new Map<string, { value?: FolderDelivery; promise: Promise<FolderDelivery> }>();
  /** The last listing that failed, per folder (the item says so; expanding it retries). */
  private readonly errors = new Map<string, unknown>();
  private readonly controllers = new Set<AbortController>();
  private readonly changed = new vscode.EventEmitter<{ bucket: string; folder: string }>();
  /** Fires when a folder's summary is ready (the tree then redraws that folder). */
  readonly onDidSummarise = this.changed.event;

  /** The summary already made, without listing. */
  peek(bucket: string, folder: string): FolderDelivery | undefined {
    return this.cache.get(`${bucket}/${folder}`)?.value;
  }

  failed(bucket: string, folder: string): unknown {
    return this.errors.get(`${bucket}/${folder}`);
  }

  /** The folder's summary: listed once until `clear()`. */
  get(s3: S3Client, bucket: string, folder: string): Promise<FolderDelivery> {
    const id = `${bucket}/${folder}`;
    const cached = this.cache.get(id);
    if (cached) return cached.promise;
    const entry: { value?: FolderDelivery; promise: Promise<FolderDelivery> } = { promise: this.list(s3, bucket, folder) };
    this.cache.set(id, entry);
    entry.promise.then(
      (value) => {
        entry.value = value;
        this.errors.delete(id);
        this.changed.fire({ bucket, folder });
      },
      (error) => {
        if (this.cache.get(id) !== entry) return; // cleared (a refresh): a newer listing answers
        this.errors.set(id, error);
        this.cache.delete(id); // the next expansion retries
        this.changed.fire({ bucket, folder });
      },
    );
    return entry.promise;
  }

  private async list(s3: S3Client, bucket: string, folder: string): Promise<FolderDelivery> {
    const controller = new AbortController();
    this.controllers.add(controller);
    let listed = 0;
    let report: ((n: number) => void) | undefined;
    let done = false;
    // Quick listings stay silent; a long one shows its count and can be cancelled.
    const timer = setTimeout(() => {
      if (done) return;
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Currents delivery: listing s3://{0}/{1}/', bucket, folder), cancellable: true }, (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        report = (n) => progress.report({ message: isSingular(n) ? vscode.l10n.t('1 file listed') : vscode.l10n.t('{0} files listed', n.toLocaleString()) });
        report(listed);
        return finished;
      });
    }, PROGRESS_AFTER_MS);
    const finished = (async () => {
      try {
        return await loadAws().summariseFolder(s3, bucket, {
          folder, signal: controller.signal, onProgress: (n) => {
            listed = n;
            report?.(n);
          },
        });
      } finally {
        done = true;
        clearTimeout(timer);
        this.controllers.delete(controller);
      }
    })();
    return finished;
  }

  /** Lists the folder again on its next use (the delivery view's Refresh). */
  forget(bucket: string, folder: string): void {
    this.cache.delete(`${bucket}/${folder}`);
  }

  clear(): void {
    for (const c of this.controllers) c.abort();
    this.controllers.clear();
    this.cache.clear();
    this.errors.clear();
  }

  dispose(): void {
    this.clear();
    this.changed.dispose();
  }
}
