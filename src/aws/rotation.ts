// Access key rotation for an export user, as steps that never leave the account half-done:
// make room (IAM allows two keys), create the new key, test it as the partner would, hand it over
// once, and only after the user confirms the new key is in use deactivate the old one (deleting
// it is a separate, later choice). Any "no" before that point deletes the new key again.
import type { IAMClient } from '@aws-sdk/client-iam';
import type { Report } from './report';
import { AccessKeyInfo, MAX_ACCESS_KEYS, accessKeys, createAccessKey, deleteAccessKey, setAccessKeyStatus } from './users';

export type NewKey = { accessKeyId: string; secretAccessKey: string };

/** What the rotation asks the person (the extension implements it with dialogs; tests script it). */
export interface RotationUi {
  /** Two keys already: may this inactive one be deleted to make room? */
  deleteInactiveToMakeRoom(key: AccessKeyInfo): Promise<boolean>;
  /** Runs Test credentials with the new key (undefined: the person cancelled). */
  testNewKey(key: NewKey): Promise<Report | undefined>;
  /** The test failed: keep the new key anyway? (no: it is deleted) */
  keepDespiteFailure(report: Report): Promise<boolean>;
  /**
   * Shows the new key ID and secret once, to paste into the partner dashboard; resolves true when
   * the person confirms the partner now uses it.
   */
  handOver(key: NewKey): Promise<boolean>;
}

export type RotationOutcome =
  | { status: 'rotated'; newKeyId: string; deactivated: string[] }
  | { status: 'cancelled'; deletedNewKey?: string; reason: 'limit' | 'declined' | 'test-failed' | 'not-confirmed' };

/** Rotates `userName`'s key; the old active keys end inactive (not deleted). */
export async function rotateAccessKey(iam: IAMClient, userName: string, ui: RotationUi): Promise<RotationOutcome> {
  const before = await accessKeys(iam, userName);
  if (before.length >= MAX_ACCESS_KEYS) {
    const inactive = before.find((k) => k.status === 'Inactive');
    // Both keys active: one of them may be in use anywhere; the person must retire one first.
    if (!inactive) return { status: 'cancelled', reason: 'limit' };
    if (!(await ui.deleteInactiveToMakeRoom(inactive))) return { status: 'cancelled', reason: 'declined' };
    await deleteAccessKey(iam, userName, inactive.id);
  }
  const old = (await accessKeys(iam, userName)).filter((k) => k.status === 'Active').map((k) => k.id);
  const key = await createAccessKey(iam, userName);
  const undo = async (reason: 'declined' | 'test-failed' | 'not-confirmed'): Promise<RotationOutcome> => {
    await deleteAccessKey(iam, userName, key.accessKeyId);
    return { status: 'cancelled', deletedNewKey: key.accessKeyId, reason };
  };
  try {
    const report = await ui.testNewKey(key);
    if (!report) return await undo('declined');
    if (!report.ok && !(await ui.keepDespiteFailure(report))) return await undo('test-failed');
    if (!(await ui.handOver(key))) return await undo('not-confirmed');
  } catch (error) {
    await deleteAccessKey(iam, userName, key.accessKeyId).catch(() => undefined);
    throw error;
  }
  for (const id of old) await setAccessKeyStatus(iam, userName, id, 'Inactive');
  return { status: 'rotated', newKeyId: key.accessKeyId, deactivated: old };
}
