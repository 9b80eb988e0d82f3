// What may be typed where in a JSON policy (pure; completion.ts turns it into items): the
// document's keys, a statement's keys not already present, a principal's keys, the values of
// Version and Effect, and S3 resource ARNs for the buckets the account view already listed.
import { JSONPath, Node, findNodeAtLocation, getLocation, parseTree } from 'jsonc-parser';

export const TOP_LEVEL_KEYS = ['Version', 'Id', 'Statement'];
export const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
export const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
export const POLICY_VERSION = '2012-10-17';

/** What a candidate is: a key, a fixed value, or an S3 ARN for a bucket, its objects or its Currents folder. */
export type CandidateKind = 'topKey' | 'statementKey' | 'principalKey' | 'value' | 'bucket' | 'objects' | 'folder';

export interface Candidate {
  text: string;
  kind: CandidateKind;
  /** The bucket an ARN candidate is for. */
  bucket?: string;
}

export interface PolicyCompletionSpot {
  candidates: Candidate[];
  /** The text a candidate replaces: the string's content when the cursor is inside quotes, else the bare word before the cursor (often empty). */
  start: number;
  end: number;
  /** True when the cursor is not inside a string: the candidate is inserted with its own quotes. */
  quote: boolean;
}

export interface PolicyCompletionContext {
  /** Bucket names the account view already fetched (none without a connection: no ARN is offered). */
  buckets?: readonly string[];
  /** The configured Currents folder (brazeS3.folderPath). */
  folder?: string;
}

/** The completion candidates at `offset` of a JSON policy, or undefined where this module has none. */
export function policyCompletionAt(text: string, offset: number, context: PolicyCompletionContext = {}): PolicyCompletionSpot | undefined {
  const location = getLocation(text, offset);
  const path = location.path;
  const spot = (candidates: Candidate[]): PolicyCompletionSpot | undefined => {
    if (!candidates.length) return undefined;
    const inString = stringAround(text, offset);
    if (inString) return { candidates, start: inString.start, end: inString.end, quote: false };
    const word = /[A-Za-z0-9-]*$/.exec(text.slice(Math.max(0, offset - 100), offset))?.[0] ?? '';
    return { candidates, start: offset - word.length, end: offset, quote: true };
  };
  if (location.isAtPropertyKey) {
    const objectPath = path.slice(0, -1);
    const present = () => presentKeys(withValue(text, offset), objectPath, offset);
    const unused = (keys: string[], kind: CandidateKind) => {
      const have = present();
      return keys.filter((k) => !have.has(k)).map((k) => ({ text: k, kind }));
    };
    if (objectPath.length === 0) return spot(unused(TOP_LEVEL_KEYS, 'topKey'));
    if (isStatementPath(objectPath)) return spot(unused(STATEMENT_KEYS, 'statementKey'));
    const last = objectPath[objectPath.length - 1];
    if ((last === 'Principal' || last === 'NotPrincipal') && isStatementPath(objectPath.slice(0, -1))) return spot(unused(PRINCIPAL_KEYS, 'principalKey'));
    return undefined;
  }
  if (path.length === 1 && path[0] === 'Version') return spot([{ text: POLICY_VERSION, kind: 'value' }]);
  const key = path[path.length - 1];
  if (key === 'Effect' && isStatementPath(path.slice(0, -1))) return spot(['Allow', 'Deny'].map((v) => ({ text: v, kind: 'value' as const })));
  const resourceAt = typeof key === 'number' ? path.length - 2 : path.length - 1;
  const element = path[resourceAt];
  if ((element === 'Resource' || element === 'NotResource') && isStatementPath(path.slice(0, resourceAt))) return spot(bucketArns(context));
  return undefined;
}

/** For each known bucket: the bucket ARN, its objects, and its objects under the Currents folder. */
export function bucketArns(context: PolicyCompletionContext): Candidate[] {
  const folder = (context.folder ?? '').trim().replace(/^\/+|\/+$/g, '');
  return (context.buckets ?? []).flatMap((bucket) => [
    { text: `arn:aws:s3:::${bucket}`, kind: 'bucket' as const, bucket },
    { text: `arn:aws:s3:::${bucket}/*`, kind: 'objects' as const, bucket },
    ...(folder ? [{ text: `arn:aws:s3:::${bucket}/${folder}/*`, kind: 'folder' as const, bucket }] : []),
  ]);
}

/**
 * The text with a value after the key being typed (`"Ef|"` → `"Ef": 0,`), so that the keys after
 * it still parse as keys of the same object (typing a key in the middle of an object leaves the
 * JSON invalid until its value is there).
 */
function withValue(text: string, offset: number): string {
  const inString = stringAround(text, offset);
  const closed = inString && text[inString.end] === '"';
  const keyEnd = !inString ? offset : closed ? inString.end + 1 : inString.end;
  const rest = text.slice(keyEnd);
  if (/^\s*:/.test(rest)) return text;
  return text.slice(0, keyEnd) + (inString && !closed ? '"' : inString ? '' : '""') + ': 0,' + rest;
}

/** ['Statement', n] (a list of statements) or ['Statement'] (one statement object). */
function isStatementPath(p: JSONPath): boolean {
  return p[0] === 'Statement' && (p.length === 1 || (p.length === 2 && typeof p[1] === 'number'));
}

/** The keys already in the object at `objectPath`, except the one being typed at `offset`. */
function presentKeys(text: string, objectPath: JSONPath, offset: number): Set<string> {
  const root = parseTree(text);
  const object: Node | undefined = root && (objectPath.length ? findNodeAtLocation(root, objectPath) : root);
  const keys = new Set<string>();
  for (const prop of object?.type === 'object' ? object.children ?? [] : []) {
    const k = prop.children?.[0];
    if (!k || (offset >= k.offset && offset <= k.offset + k.length)) continue;
    keys.add(String(k.value));
  }
  return keys;
}

/**
 * The content of the string the cursor is in (JSON strings stay on one line): from after its
 * opening quote to its closing quote, or to the cursor when it is not closed. Undefined outside
 * a string.
 */
export function stringAround(text: string, offset: number): { start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let open = -1;
  for (let i = lineStart; i < offset; i++) {
    const c = text[i];
    if (open >= 0) {
      if (c === '\\') i++;
      else if (c === '"') open = -1;
    } else if (c === '"') open = i;
    else if (c === '/' && text[i + 1] === '/') return undefined; // a comment (JSONC)
  }
  if (open < 0) return undefined;
  for (let i = offset; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return { start: open + 1, end: i };
  }
  return { start: open + 1, end: offset };
}
