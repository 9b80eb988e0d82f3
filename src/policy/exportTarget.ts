// What a user's or role's own policies say about its export: the bucket it writes to, the folder
// and the integration (s3:DeleteObject granted → dashboard export). Used to pre-fill Test
// credentials and Verify role ARN when they are started from that user or role.
import { itemsOf, parsePolicy } from './parse';
import type { IntegrationId } from './types';
import { matchCompiled } from './wildcard';

export interface ExportTarget {
  bucket: string;
  integration: IntegrationId;
  /** The folder the object grant is scoped to ('' = the bucket root). */
  folder: string;
}

/** From the documents' Allow statements granting s3:PutObject on one literal bucket's objects. */
export function exportTargetOf(documents: readonly string[]): ExportTarget | undefined {
  const targets = new Map<string, string>();
  let deletes = false;
  for (const text of documents) {
    const model = parsePolicy(text);
    for (const s of model.statements) {
      if (s.node.type !== 'object' || s.el.Effect?.value.value !== 'Allow' || s.el.Principal) continue;
      const actions = itemsOf(s, 'Action');
      const puts = actions.some((a) => matchCompiled(a.facts.compiled, 's3:putobject'));
      deletes ||= actions.some((a) => matchCompiled(a.facts.compiled, 's3:deleteobject'));
      if (!puts) continue;
      for (const r of itemsOf(s, 'Resource')) {
        const loc = r.facts.s3;
        if (!loc || loc.key === undefined || r.facts.bucket?.pattern) continue;
        // `currents/*` → folder `currents`; `*` → the bucket root.
        const folder = loc.key.endsWith('/*') ? loc.key.slice(0, -2) : loc.key === '*' ? '' : undefined;
        if (folder !== undefined && !/[*?$]/.test(folder) && !targets.has(loc.bucket)) targets.set(loc.bucket, folder);
      }
    }
  }
  // One bucket or none: a user writing to several buckets is not pre-filled.
  if (targets.size !== 1) return undefined;
  const [[bucket, folder]] = [...targets];
  return { bucket, folder, integration: deletes ? 'dashboard' : 'currents' };
}
