// The Currents folder a live check offers first. It belongs to a Currents connector on one bucket:
// what the person typed for that bucket before, else the folder Currents data was found under in
// that bucket, else the brazeS3.folderPath setting. A dashboard-export run never sets it (those
// exports write at the bucket root), and one bucket's folder never carries over to another.
// No vscode import: unit-tested on plain Node.
import type { IntegrationId } from '../policy';

export const DEFAULT_CURRENTS_FOLDER = 'currents';

export class FolderDefaults {
  private readonly typed = new Map<string, string>();

  /** Records a finished check's answers; only a Currents run says anything about the folder. */
  remember(run: { integration: IntegrationId; bucket: string; folder: string }): void {
    if (run.integration === 'currents') this.typed.set(run.bucket, run.folder);
  }

  /**
   * @param detected the bucket's folders holding Currents data (undefined: not known)
   * @param setting brazeS3.folderPath
   */
  folderFor(bucket: string, detected: readonly string[] | undefined, setting: string | undefined): string {
    const typed = this.typed.get(bucket);
    if (typed !== undefined) return typed;
    const configured = setting?.trim().replace(/^\/+|\/+$/g, '') || DEFAULT_CURRENTS_FOLDER;
    if (detected?.length) return detected.includes(configured) ? configured : detected[0];
    return configured;
  }
}
