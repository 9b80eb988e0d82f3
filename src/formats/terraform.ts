// Terraform (.tf): finds the IAM policy documents a configuration holds and projects each to the
// engine's JSON, keeping source offsets. Parsed with tree-sitter's Terraform grammar (wasm, no
// native addon). Forms read:
//   data "aws_iam_policy_document"  (statement / principals / condition blocks)
//   policy / assume_role_policy = jsonencode({…}) | <<EOF heredoc JSON | data.….json
// Values resolved in the same file: var.x with a default, local.x, aws_s3_bucket.x.bucket/.id/.arn.
// Anything else is an unknown `${…}` value: never a false error (see analyzeEmbedded.ts).
import type { Node as TsNode, Tree } from 'web-tree-sitter';
import type { EmbeddedPolicy, PolicyUsage } from './embedded';
import { hclWriter, HclHost } from './hclWriter';
import { ExternalIdRef, FileRefs, PArray, PEntry, PObject, PString, PValue, Part, Projection, Span, literalString, oneStatementDocument, permissionStatement, stringValue } from './projection';
import { LineIndex } from '../policy';
import { looksLikeTerraformPolicy } from './sniff';
import { argumentUsage } from './terraformUsage';
import { Substitution, TextProjection } from './textProjection';

const TOP_LEVEL_BLOCKS = new Set(['resource', 'module', 'locals', 'data', 'variable', 'output', 'provider', 'terraform']);
const DOCUMENT_REFERENCE = /\bdata\.aws_iam_policy_document\.([A-Za-z0-9_-]+)/g;
const LOCAL_REFERENCE = /\blocal\.([A-Za-z0-9_-]+)/g;
/** Arguments of a policy document that merge other documents into it. */
const MERGE_ARGUMENTS = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'];

const spanOf = (n: TsNode): Span => ({ offset: n.startIndex, length: n.endIndex - n.startIndex });
/** A reference a fix can write back (`var.x`, `local.y`, `aws_s3_bucket.b.arn`): no calls, no index. */
const REFERENCE = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)+$/;
const refOf = (n: TsNode | undefined): string | undefined => {
  const t = n?.text.trim();
  return t && REFERENCE.test(t) ? t : undefined;
};

/**
 * The top-level blocks that can matter: variables, locals, S3 buckets, and any block whose text
 * mentions a policy. Read with a cursor, so the others (most of a large configuration) never
 * become node objects: each node crosses from wasm into JavaScript at a cost.
 */
function relevantBlocks(tree: Tree, text: string): TsNode[] {
  const out: TsNode[] = [];
  const c = tree.walk();
  try {
    if (!c.gotoFirstChild()) return out;
    while (c.nodeType !== 'body') if (!c.gotoNextSibling()) return out;
    if (!c.gotoFirstChild()) return out;
    do {
      const type: string = c.nodeType; // the cursor moved: TypeScript's narrowing above no longer holds
      if (type !== 'block') continue;
      const start = c.startIndex;
      const policy = text.indexOf('polic', start);
      if (/^(variable|locals)\b|^resource\s+"aws_(s3_bucket|lambda_permission)"\s/.test(text.slice(start, start + 40)) || (policy >= 0 && policy < c.endIndex)) out.push(c.currentNode);
    } while (c.gotoNextSibling());
    return out;
  } finally {
    c.delete();
  }
}

/** Where a block starts and where its closing brace is (the writer inserts before it). */
function blockInfo(b: TsNode): { start: number; close: number } {
  const end = named(b).find((c) => c.type === 'block_end');
  return { start: b.startIndex, close: end ? end.startIndex : b.endIndex - 1 };
}

/** `expression` wraps every expression node: the node inside it. */
function unwrap(n: TsNode): TsNode {
  let x = n;
  while (x.type === 'expression' && x.namedChildCount > 0) x = x.namedChild(0)!;
  return x;
}

function named(n: TsNode | null | undefined): TsNode[] {
  return n ? (n.namedChildren.filter(Boolean) as TsNode[]) : [];
}

function blockType(b: TsNode): string {
  return named(b)[0]?.text ?? '';
}

function blockLabels(b: TsNode): string[] {
  return named(b)
    .slice(1)
    .filter((c) => c.type === 'string_lit' || c.type === 'identifier')
    .map((c) => (c.type === 'string_lit' ? c.text.slice(1, -1) : c.text));
}

function bodyOf(b: TsNode): TsNode | undefined {
  return named(b).find((c) => c.type === 'body');
}

function attributes(body: TsNode | undefined): Map<string, { node: TsNode; name: TsNode; expr: TsNode }> {
  const out = new Map<string, { node: TsNode; name: TsNode; expr: TsNode }>();
  for (const c of named(body)) {
    if (c.type !== 'attribute') continue;
    const [name, expr] = named(c);
    if (name && expr && !out.has(name.text)) out.set(name.text, { node: c, name, expr });
  }
  return out;
}

function blocks(body: TsNode | undefined, type?: string): TsNode[] {
  return named(body).filter((c) => c.type === 'block' && (!type || blockType(c) === type));
}

/** HCL string escapes → the text they stand for. `policyDocument`: `&{…}` is an IAM variable. */
function unescapeHcl(raw: string, policyDocument: boolean): string {
  let s = raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (e.length > 1) {
      // \uXXXX or \UXXXXXXXX; a value beyond Unicode is kept as written.
      const code = parseInt(e.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : `\\${e}`;
    }
    return ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' } as Record<string, string>)[e] ?? e;
  });
  s = s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  return policyDocument ? s.replace(/&\{/g, '${') : s;
}

interface Known {
  value: string | string[];
  origin: string;
  line: number;
}

/** What one file defines that policies may refer to. */
class Scope {
  readonly variables = new Map<string, TsNode>();
  readonly locals = new Map<string, TsNode>();
  readonly buckets = new Map<string, TsNode>();
  readonly documents = new Map<string, TsNode>();
  /** Every variable block, with or without a default (an external ID variable may have none). */
  readonly variableBlocks = new Map<string, TsNode>();

  constructor(readonly text: string, topBlocks: TsNode[]) {
    for (const b of topBlocks) {
      const head = /^(variable|locals|resource|data)\b/.exec(text.slice(b.startIndex, b.startIndex + 12));
      if (!head) continue;
      const type = head[1];
      const labels = blockLabels(b);
      if (type === 'variable' && labels[0]) {
        this.variableBlocks.set(labels[0], b);
        const d = attributes(bodyOf(b)).get('default');
        if (d) this.variables.set(labels[0], d.expr);
      } else if (type === 'locals') for (const [k, a] of attributes(bodyOf(b))) this.locals.set(k, a.expr);
      else if (type === 'resource' && labels[0] === 'aws_s3_bucket' && labels[1]) {
        const bucket = attributes(bodyOf(b)).get('bucket');
        if (bucket) this.buckets.set(labels[1], bucket.expr);
      } else if (type === 'data' && labels[0] === 'aws_iam_policy_document' && labels[1]) this.documents.set(labels[1], b);
    }
  }

  private lines: LineIndex | undefined;

  /** 1-based line of an offset (the index is built on first use: most files resolve nothing). */
  lineOf(offset: number): number {
    return (this.lines ??= new LineIndex(this.text)).positionAt(offset).line + 1;
  }

  /** The literal value of an expression, following var/local/bucket references (depth-limited). */
  resolve(n: TsNode, depth = 0): Known | undefined {
    if (depth > 8) return undefined;
    const x = unwrap(n);
    const here = (value: string | string[]): Known => ({ value, origin: '', line: this.lineOf(x.startIndex) });
    if (x.type === 'literal_value') {
      const s = named(x)[0];
      if (s?.type !== 'string_lit') return undefined;
      const lit = named(s).find((c) => c.type === 'template_literal');
      return here(unescapeHcl(lit?.text ?? '', false));
    }
    if (x.type === 'template_expr') {
      const q = named(x)[0];
      if (q?.type !== 'quoted_template') return undefined;
      let out = '';
      for (const c of named(q)) {
        if (c.type === 'template_literal') out += unescapeHcl(c.text, false);
        else if (c.type === 'template_interpolation') {
          const inner = named(c).find((k) => k.type === 'expression');
          const k = inner && this.resolve(inner, depth + 1);
          if (!k || typeof k.value !== 'string') return undefined;
          out += k.value;
        }
      }
      return here(out);
    }
    if (x.type === 'collection_value') {
      const tuple = named(x)[0];
      if (tuple?.type !== 'tuple') return undefined;
      const items = named(tuple).filter((c) => c.type === 'expression').map((c) => this.resolve(c, depth + 1));
      if (items.some((i) => !i || typeof i.value !== 'string')) return undefined;
      return here(items.map((i) => i!.value as string));
    }
    if (x.type === 'variable_expr') {
      const path = this.referencePath(x);
      const follow = (target: TsNode | undefined, origin: string, map?: (v: string) => string): Known | undefined => {
        if (!target) return undefined;
        const k = this.resolve(target, depth + 1);
        if (!k) return undefined;
        const value = map && typeof k.value === 'string' ? map(k.value) : k.value;
        return { value, origin: k.origin || origin, line: k.origin ? k.line : this.lineOf(target.startIndex) };
      };
      if (path[0] === 'var' && path.length === 2) {
        // An empty default is a value to fill in, not the value: it stays unknown.
        const k = follow(this.variables.get(path[1]), `var.${path[1]}`);
        return k && k.value !== '' ? k : undefined;
      }
      if (path[0] === 'local' && path.length === 2) return follow(this.locals.get(path[1]), `local.${path[1]}`);
      if (path[0] === 'aws_s3_bucket' && path.length === 3) {
        const target = this.buckets.get(path[1]);
        const origin = `aws_s3_bucket.${path[1]}.bucket`;
        if (path[2] === 'bucket' || path[2] === 'id') return follow(target, origin);
        if (path[2] === 'arn') return follow(target, origin, (b) => `arn:aws:s3:::${b}`);
      }
    }
    return undefined;
  }

  /** Variables holding one external ID: named so (`braze_external_id`), or with a string default. */
  externalIds(): ExternalIdRef[] {
    const out: ExternalIdRef[] = [];
    for (const [name, block] of this.variableBlocks) {
      const attrs = attributes(bodyOf(block));
      const type = attrs.get('type')?.expr.text.replace(/\s+/g, '') ?? '';
      if (type && type !== 'string') continue; // a list of IDs is not one ID
      const d = attrs.get('default');
      const k = d && this.resolve(d.expr);
      if (d && (!k || typeof k.value !== 'string')) continue;
      out.push({ ref: `var.${name}`, value: typeof k?.value === 'string' && k.value ? k.value : undefined, named: /external.?id/i.test(name) });
    }
    return out;
  }

  /** `aws_s3_bucket.b.arn` → ['aws_s3_bucket', 'b', 'arn'] (undefined parts for index access). */
  referencePath(x: TsNode): string[] {
    const path = [named(x)[0]?.text ?? ''];
    let next = x.nextNamedSibling;
    while (next && next.type === 'get_attr') {
      path.push(named(next)[0]?.text ?? '');
      next = next.nextNamedSibling;
    }
    return next ? [] : path;
  }
}

function addTo<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key) ?? new Set<T>();
  set.add(value);
  map.set(key, set);
}

/** The set's one member; undefined when it is empty, absent or holds several (used two ways). */
function onlyOne<T>(set: Set<T> | undefined): T | undefined {
  return set && set.size === 1 ? [...set][0] : undefined;
}

/** Some statement has an Effect, an Action or a NotAction: IAM's grammar, not another service's. */
function looksLikeIam(root: PObject): boolean {
  const statement = root.entries.find((e) => e.key === 'Statement')?.value;
  const statements = statement?.type === 'array' ? statement.items : statement ? [statement] : [];
  return statements.some((st) => st.type !== 'object' || st.entries.some((e) => e.key === 'Effect' || e.key === 'Action' || e.key === 'NotAction'));
}

/** `"${data.x.json}"` (Terraform 0.11 style) → the expression inside; anything else as is. */
function soleInterpolation(x: TsNode): TsNode {
  const q = x.type === 'template_expr' ? named(x)[0] : undefined;
  const inner = q?.type === 'quoted_template' ? named(q).filter((c) => c.type !== 'quoted_template_start' && c.type !== 'quoted_template_end') : [];
  if (inner.length !== 1 || inner[0].type !== 'template_interpolation') return x;
  const e = named(inner[0]).find((c) => c.type === 'expression');
  return e ? unwrap(e) : x;
}

/** Text for an unknown value's label: the expression as written, on one line. */
function labelOf(n: TsNode): string {
  const t = n.text.replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

export class TerraformReader {
  private readonly scope: Scope;

  private readonly blocks: TsNode[];

  constructor(readonly text: string, tree: Tree) {
    this.blocks = relevantBlocks(tree, text);
    this.scope = new Scope(text, this.blocks);
  }

  /** A string built from a quoted template or string literal: literal parts keep their offsets. */
  private stringParts(lit: TsNode, policyDocument: boolean): Part[] {
    const parts: Part[] = [];
    for (const c of named(lit)) {
      if (c.type === 'template_literal') {
        const text = unescapeHcl(c.text, policyDocument);
        parts.push({ kind: 'literal', text, src: spanOf(c), escaped: text.length !== c.text.length });
      } else if (c.type === 'template_interpolation') {
        parts.push(this.interpolation(c));
      } else if (c.type === 'template_directive') {
        parts.push({ kind: 'unknown', label: labelOf(c), src: spanOf(c) });
      }
    }
    return parts;
  }

  private interpolation(c: TsNode): Part {
    const inner = named(c).find((k) => k.type === 'expression');
    const known = inner && this.scope.resolve(inner);
    if (known && typeof known.value === 'string') return { kind: 'resolved', text: known.value, src: spanOf(c), origin: known.origin || labelOf(inner), line: known.line, ref: refOf(inner) };
    return { kind: 'unknown', label: inner ? labelOf(inner) : '?', src: spanOf(c) };
  }

  /** Any HCL expression → a projected value. `policyDocument`: inside aws_iam_policy_document. */
  value(n: TsNode, policyDocument: boolean): PValue {
    const x = unwrap(n);
    const src = spanOf(n);
    if (x.type === 'literal_value') {
      const s = named(x)[0];
      if (s?.type === 'string_lit') {
        const host: HclHost = { kind: 'string', span: src, policyDocument };
        const parts = this.stringParts(s, policyDocument);
        if (parts.length === 0) parts.push({ kind: 'literal', text: '', src: { offset: s.startIndex + 1, length: 0 } });
        return { type: 'string', parts, src, host };
      }
      if (s?.type === 'numeric_lit') return { type: 'scalar', value: Number(s.text), src };
      if (s?.type === 'bool_lit') return { type: 'scalar', value: s.text === 'true', src };
      if (s?.type === 'null_lit') return { type: 'scalar', value: null, src };
    }
    if (x.type === 'template_expr') {
      const q = named(x)[0];
      if (q?.type === 'quoted_template' || q?.type === 'heredoc_template') {
        return { type: 'string', parts: this.stringParts(q, policyDocument), src, host: { kind: 'string', span: src, policyDocument } satisfies HclHost };
      }
    }
    if (x.type === 'collection_value') {
      const c = named(x)[0];
      if (c?.type === 'tuple') {
        const items = named(c).filter((k) => k.type === 'expression').map((k) => this.value(k, policyDocument));
        return { type: 'array', items, src, host: { kind: 'tuple', span: spanOf(c) } satisfies HclHost };
      }
      if (c?.type === 'object') return this.object(c, policyDocument);
    }
    const known = this.scope.resolve(n);
    if (known) {
      const part = (text: string, ref?: string): PString => ({ type: 'string', parts: [{ kind: 'resolved', text, src, origin: known.origin || labelOf(n), line: known.line, ref }], src });
      if (typeof known.value === 'string') return part(known.value, refOf(n));
      return { type: 'array', items: known.value.map((t) => part(t)), src };
    }
    return { type: 'string', parts: [{ kind: 'unknown', label: labelOf(n), src }], src };
  }

  private object(c: TsNode, policyDocument: boolean): PObject {
    const entries: PEntry[] = [];
    for (const e of named(c).filter((k) => k.type === 'object_elem')) {
      const keyNode = e.childForFieldName('key');
      const valNode = e.childForFieldName('val');
      if (!keyNode || !valNode) continue;
      const k = unwrap(keyNode);
      let key: string;
      let keyLiteral = false;
      if (k.type === 'variable_expr' && k.nextNamedSibling === null) {
        key = k.text;
        keyLiteral = true;
      } else {
        const v = this.value(keyNode, policyDocument);
        key = v.type === 'string' ? stringValue(v) : JSON.stringify(v.type === 'scalar' ? v.value : null);
        keyLiteral = v.type === 'string' && v.parts.every((p) => p.kind === 'literal' && !p.escaped);
      }
      entries.push({ key, keySrc: spanOf(keyNode), keyLiteral, value: this.value(valNode, policyDocument), host: { kind: 'object-elem', span: spanOf(e) } satisfies HclHost });
    }
    return { type: 'object', entries, src: spanOf(c), host: { kind: 'object', span: spanOf(c) } satisfies HclHost };
  }

  /** A `data "aws_iam_policy_document"` block → the JSON document the provider would render. */
  policyDocument(block: TsNode): PObject {
    const body = bodyOf(block);
    const attrs = attributes(body);
    // Findings about the whole document sit on its header: data "aws_iam_policy_document" "x".
    const open = named(block).find((c) => c.type === 'block_start');
    const header = this.text.slice(block.startIndex, open ? open.startIndex : block.endIndex).trimEnd();
    const head = { offset: block.startIndex, length: header.length };
    const entries: PEntry[] = [];
    const synthetic = (key: string, value: string): PEntry => ({ key, keySrc: head, keyLiteral: false, value: literalString(value, head, head, { kind: 'synthetic' } satisfies HclHost) });
    const attrEntry = (attr: string, key: string): PEntry | undefined => {
      const a = attrs.get(attr);
      return a && { key, keySrc: spanOf(a.name), keyLiteral: false, value: this.value(a.expr, true), host: { kind: 'attribute', span: spanOf(a.node) } satisfies HclHost };
    };
    entries.push(attrEntry('version', 'Version') ?? synthetic('Version', '2012-10-17'));
    const id = attrEntry('policy_id', 'Id');
    if (id) entries.push(id);
    const statements: PValue[] = blocks(body, 'statement').map((s) => this.statement(s));
    // Documents merged in from elsewhere and dynamic statements: an unknown statement stands for
    // them, so a permission they may grant is "maybe", never a false "missing".
    const merged = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'].map((a) => attrs.get(a)).filter((a) => a !== undefined);
    const dynamic = named(body).filter((c) => c.type === 'block' && blockType(c) === 'dynamic' && blockLabels(c)[0] === 'statement');
    for (const from of [...merged.map((a) => a.node), ...dynamic]) statements.push(this.unknownStatement(from));
    const list: PArray = { type: 'array', items: statements, src: spanOf(block), host: { kind: 'statement-list', block: blockInfo(block) } satisfies HclHost };
    entries.push({ key: 'Statement', keySrc: head, keyLiteral: false, value: list });
    return { type: 'object', entries, src: spanOf(block), host: { kind: 'document-block', block: blockInfo(block) } satisfies HclHost };
  }

  private unknownStatement(from: TsNode): PObject {
    const src = spanOf(from);
    const unknown = (): PString => ({ type: 'string', parts: [{ kind: 'unknown', label: labelOf(named(from)[0] ?? from), src }], src });
    const entry = (key: string, value: PValue): PEntry => ({ key, keySrc: src, keyLiteral: false, value });
    return { type: 'object', entries: [entry('Effect', literalString('Allow', src, src, { kind: 'synthetic' })), entry('Action', unknown()), entry('Resource', unknown())], src };
  }

  private statement(block: TsNode): PObject {
    const body = bodyOf(block);
    const attrs = attributes(body);
    const head = spanOf(named(block)[0]);
    const entries: PEntry[] = [];
    const add = (attr: string, key: string) => {
      const a = attrs.get(attr);
      if (a) entries.push({ key, keySrc: spanOf(a.name), keyLiteral: false, value: this.value(a.expr, true), host: { kind: 'attribute', span: spanOf(a.node) } satisfies HclHost });
    };
    add('sid', 'Sid');
    if (attrs.has('effect')) add('effect', 'Effect');
    else entries.push({ key: 'Effect', keySrc: head, keyLiteral: false, value: literalString('Allow', head, head, { kind: 'synthetic' } satisfies HclHost) });
    add('actions', 'Action');
    add('not_actions', 'NotAction');
    add('resources', 'Resource');
    add('not_resources', 'NotResource');
    // `dynamic "principals"` / `dynamic "condition"`: what they add is known only at deploy time.
    const dynamic = (name: string) => named(body).find((c) => c.type === 'block' && blockType(c) === 'dynamic' && blockLabels(c)[0] === name);
    for (const [blockName, key] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
      const found = blocks(body, blockName);
      const unknown = dynamic(blockName);
      if (found.length) entries.push({ key, keySrc: spanOf(named(found[0])[0]), keyLiteral: false, value: this.principals(found, block, blockName) });
      else if (unknown) entries.push({ key, keySrc: spanOf(unknown), keyLiteral: false, value: { type: 'string', parts: [{ kind: 'unknown', label: `dynamic ${blockName}`, src: spanOf(unknown) }], src: spanOf(unknown) } });
    }
    const conditions = blocks(body, 'condition');
    const dynamicCondition = dynamic('condition');
    if (conditions.length || dynamicCondition) {
      const value = conditions.length ? this.conditions(conditions, block) : { type: 'object' as const, entries: [], src: spanOf(dynamicCondition!), host: { kind: 'conditions', statement: blockInfo(block) } satisfies HclHost };
      if (dynamicCondition) {
        const src = spanOf(dynamicCondition);
        value.entries.push({ key: 'dynamic', keySrc: src, keyLiteral: false, keyUnknown: 'dynamic condition', value: { type: 'object', entries: [], src } });
      }
      entries.push({ key: 'Condition', keySrc: conditions.length ? spanOf(named(conditions[0])[0]) : spanOf(dynamicCondition!), keyLiteral: false, value });
    }
    return { type: 'object', entries, src: spanOf(block), host: { kind: 'statement-block', block: blockInfo(block) } satisfies HclHost };
  }

  private principals(found: TsNode[], statement: TsNode, blockName: string): PValue {
    const entries: PEntry[] = [];
    for (const p of found) {
      const attrs = attributes(bodyOf(p));
      const type = attrs.get('type');
      const ids = attrs.get('identifiers');
      if (!type || !ids) continue;
      const typeValue = this.value(type.expr, true);
      const key = typeValue.type === 'string' ? stringValue(typeValue) : '?';
      // A type computed at deploy time (element(keys(var.principals), …)) is an unknown key.
      const keyUnknown = typeValue.type === 'string' && typeValue.parts.some((p) => p.kind === 'unknown') ? labelOf(type.expr) : undefined;
      const idValue = this.value(ids.expr, true);
      // type = "*" with identifiers = ["*"] renders as "Principal": "*".
      if (key === '*' && found.length === 1 && idValue.type === 'array' && idValue.items.length === 1) return idValue.items[0];
      entries.push({ key, keySrc: spanOf(type.expr), keyLiteral: false, keyUnknown, value: idValue });
    }
    return { type: 'object', entries, src: spanOf(found[0]), host: { kind: 'principals', statement: blockInfo(statement), blockName } satisfies HclHost };
  }

  private conditions(found: TsNode[], statement: TsNode): PObject {
    const byTest = new Map<string, PObject>();
    for (const c of found) {
      const attrs = attributes(bodyOf(c));
      const test = attrs.get('test');
      const variable = attrs.get('variable');
      const values = attrs.get('values');
      if (!test || !variable || !values) continue;
      const t = this.value(test.expr, true);
      const v = this.value(variable.expr, true);
      const testName = t.type === 'string' ? stringValue(t) : '?';
      const variableName = v.type === 'string' ? stringValue(v) : '?';
      let group = byTest.get(testName);
      if (!group) {
        group = { type: 'object', entries: [], src: spanOf(test.expr), host: { kind: 'condition-test', statement: blockInfo(statement), test: testName } satisfies HclHost };
        byTest.set(testName, group);
      }
      const variableUnknown = v.type === 'string' && v.parts.some((p) => p.kind === 'unknown') ? labelOf(variable.expr) : undefined;
      group.entries.push({ key: variableName, keySrc: spanOf(variable.expr), keyLiteral: false, keyUnknown: variableUnknown, value: this.value(values.expr, true) });
    }
    const entries: PEntry[] = [...byTest.entries()].map(([test, value]) => ({ key: test, keySrc: value.src, keyLiteral: false, value }));
    return { type: 'object', entries, src: spanOf(found[0]), host: { kind: 'conditions', statement: blockInfo(statement) } satisfies HclHost };
  }

  /** Every policy document in the file, in file order. */
  policies(): EmbeddedPolicy[] {
    const out: EmbeddedPolicy[] = [];
    /** Uses of documents and locals by name (`data.aws_iam_policy_document.x`, `local.y`). */
    const uses = new Map<string, Set<PolicyUsage | undefined>>();
    const use = (name: string, usage: PolicyUsage | undefined) => addTo(uses, name, usage);
    /** The role or user a document or local belongs to (the trust policy and the policies of one role). */
    const groups = new Map<string, Set<string>>();
    const join = (name: string, group: string | undefined) => {
      if (group) addTo(groups, name, group);
    };
    const attachments = this.attachments();
    const write = hclWriter(this.text);
    let fileRefs: FileRefs | undefined;
    const refs = (): FileRefs => (fileRefs ??= { externalIds: this.scope.externalIds() });
    const withPolicies = this.blocks.filter((b) => {
      const at = this.text.indexOf('polic', b.startIndex);
      return at >= 0 && at < b.endIndex;
    });
    const inline: { doc: EmbeddedPolicy; local?: string }[] = [];
    this.visitAttributes(withPolicies, [], (attr, owners) => {
      const [nameNode, expr] = named(attr);
      if (!nameNode || !expr) return;
      // The innermost top-level kind of block (a syntax error may nest the blocks after it).
      const top = [...owners].reverse().find((o) => TOP_LEVEL_BLOCKS.has(blockType(o)));
      const topType = top ? blockType(top) : '';
      if (topType === 'data' || topType === 'variable' || topType === 'output') return;
      const argument = nameNode.text;
      let usage: PolicyUsage | undefined | null;
      let local: string | undefined;
      let group: string | undefined;
      if (topType === 'locals') {
        local = argument;
        usage = undefined; // decided by who uses the local
      } else {
        const labels = top ? blockLabels(top) : [];
        usage = argumentUsage(topType, labels, argument, (name) => this.literalArgument(top, name));
        if (usage === null) return;
        group = this.groupOf(top, labels, attachments);
        // Documents and locals this argument refers to, however wrapped ([0], one(…), join("", ….*.json)…).
        for (const [name] of [...expr.text.matchAll(DOCUMENT_REFERENCE)].map((m) => [`data.${m[1]}`]).concat([...expr.text.matchAll(LOCAL_REFERENCE)].map((m) => [`local.${m[1]}`]))) {
          use(name, usage);
          join(name, group);
        }
      }
      const labels = top ? blockLabels(top) : [];
      const name = local ? `local.${local}` : `${labels.length ? labels.join('.') : owners.map(blockType).join('.')}.${argument}`;
      const read = (e: TsNode, docName: string) => {
        const x = soleInterpolation(unwrap(e));
        if (x.type === 'function_call' && named(x)[0]?.text === 'jsonencode') {
          const arg = named(named(x).find((k) => k.type === 'function_arguments')).find((k) => k.type === 'expression');
          if (!arg || (local && !/\bStatement\b/.test(arg.text))) return;
          const root = this.value(arg, false);
          // A document whose use the file does not say must look like IAM's (an SNS data protection
          // policy has a Statement too, but no Effect).
          if (root.type === 'object' && (usage !== undefined || looksLikeIam(root))) inline.push({ doc: { name: docName, span: spanOf(e), usage: usage ?? undefined, group, projection: new Projection(root, spanOf(arg), write, refs()) }, local });
          return;
        }
        if (x.type === 'template_expr' && named(x)[0]?.type === 'heredoc_template') {
          if (local && !/"Statement"/.test(x.text)) return;
          const projection = this.heredoc(named(x)[0]);
          if (projection) inline.push({ doc: { name: docName, span: spanOf(e), usage: usage ?? undefined, group, projection }, local });
        }
      };
      // A list of documents (a module's policy_jsons = [<<EOF … EOF, jsonencode({…})]): each one.
      const list = unwrap(expr);
      const tuple = list.type === 'collection_value' && named(list)[0]?.type === 'tuple' ? named(named(list)[0]).filter((k) => k.type === 'expression') : undefined;
      if (tuple) tuple.forEach((item, i) => read(item, `${name}[${i}]`));
      else read(expr, name);
    });
    // Locals pass their uses on to the documents they name.
    for (const [k, expr] of this.scope.locals) {
      const set = uses.get(`local.${k}`);
      if (!set) continue;
      for (const m of expr.text.matchAll(DOCUMENT_REFERENCE)) {
        for (const u of set) use(`data.${m[1]}`, u);
        for (const g of groups.get(`local.${k}`) ?? []) join(`data.${m[1]}`, g);
      }
    }
    // A document merged into another (source_policy_documents…) is used as that one is.
    for (let changed = true, rounds = 0; changed && rounds < 8; rounds++) {
      changed = false;
      for (const [label, block] of this.scope.documents) {
        const set = uses.get(`data.${label}`);
        if (!set) continue;
        const attrs = attributes(bodyOf(block));
        for (const a of MERGE_ARGUMENTS) {
          const merged = attrs.get(a);
          if (!merged) continue;
          for (const m of merged.expr.text.matchAll(DOCUMENT_REFERENCE)) {
            const target = uses.get(`data.${m[1]}`);
            for (const u of set) {
              if (target?.has(u)) continue;
              use(`data.${m[1]}`, u);
              changed = true;
            }
          }
        }
      }
    }
    // One use, or none said: a document used two ways (or in ways the file does not say) is left to its content.
    const usageOf = (name: string) => onlyOne(uses.get(name));
    const groupOf = (name: string) => onlyOne(groups.get(name));
    for (const b of this.blocks) if (blockType(b) === 'resource' && blockLabels(b)[0] === 'aws_lambda_permission') this.permission(b, out);
    for (const { doc, local } of inline) out.push(local ? { ...doc, usage: usageOf(`local.${local}`), group: groupOf(`local.${local}`) } : doc);
    for (const [label, block] of this.scope.documents) {
      out.push({ name: `data.aws_iam_policy_document.${label}`, span: spanOf(block), usage: usageOf(`data.${label}`), group: groupOf(`data.${label}`), projection: new Projection(this.policyDocument(block), spanOf(block), write, refs()) });
    }
    return out.sort((a, b) => a.span.offset - b.span.offset);
  }

  /**
   * aws_lambda_permission: a permission given as arguments, read as the one-statement resource
   * policy Lambda builds from them, so its action and principal are checked.
   */
  private permission(block: TsNode, out: EmbeddedPolicy[]): void {
    const attrs = attributes(bodyOf(block));
    const action = attrs.get('action');
    const principal = attrs.get('principal');
    if (!action || !principal) return;
    const whole = spanOf(block);
    const who = this.value(principal.expr, false);
    const fn = attrs.get('function_name');
    const statement = permissionStatement({
      principal: who, principalText: who.type === 'string' ? stringValue(who) : undefined, principalKey: spanOf(principal.name),
      action: this.value(action.expr, false), actionKey: spanOf(action.name),
      functionName: fn ? spanOf(fn.expr) : spanOf(named(block)[0]), label: 'function_name', at: whole,
    });
    out.push({ name: `${blockLabels(block).join('.')}.permission`, span: whole, usage: 'resource', projection: new Projection(oneStatementDocument(statement, whole), whole, hclWriter(this.text)) });
  }

  /** The role or user of a role, its inline policy, a role/user policy, or an attached aws_iam_policy. */
  private groupOf(top: TsNode | undefined, labels: string[], attachments: Map<string, string>): string | undefined {
    const [type, name] = labels;
    if (!top || !name) return undefined;
    if (type === 'aws_iam_role' || type === 'aws_iam_user') return `${type}.${name}`;
    if (type === 'aws_iam_role_policy' || type === 'aws_iam_user_policy') {
      const owner = attributes(bodyOf(top)).get(type === 'aws_iam_role_policy' ? 'role' : 'user');
      const m = owner && /\b(aws_iam_(?:role|user))\.([A-Za-z0-9_-]+)/.exec(owner.expr.text);
      return m ? `${m[1]}.${m[2]}` : undefined;
    }
    return type === 'aws_iam_policy' ? attachments.get(name) : undefined;
  }

  /** aws_iam_policy name → the one role or user it is attached to in this file. */
  private attachments(): Map<string, string> {
    const out = new Map<string, string>();
    const seen = new Set<string>();
    for (const b of this.blocks) {
      const [type] = blockLabels(b);
      if (blockType(b) !== 'resource' || !/^aws_iam_(role|user)_policy_attachment$/.test(type ?? '')) continue;
      const attrs = attributes(bodyOf(b));
      const policy = /\baws_iam_policy\.([A-Za-z0-9_-]+)/.exec(attrs.get('policy_arn')?.expr.text ?? '')?.[1];
      const owner = /\b(aws_iam_(?:role|user))\.([A-Za-z0-9_-]+)/.exec((attrs.get('role') ?? attrs.get('user'))?.expr.text ?? '');
      if (!policy || !owner) continue;
      // A policy attached to two roles belongs to neither alone.
      if (seen.has(policy)) out.delete(policy);
      else out.set(policy, `${owner[1]}.${owner[2]}`);
      seen.add(policy);
    }
    return out;
  }

  /** The literal text of a block's argument (`type = "RESOURCE_CONTROL_POLICY"`), if it has one. */
  private literalArgument(block: TsNode | undefined, name: string): string | undefined {
    const a = block && attributes(bodyOf(block)).get(name);
    const k = a && this.scope.resolve(a.expr);
    return k && typeof k.value === 'string' ? k.value : undefined;
  }

  /** Heredoc JSON: the text between the opening line and the closing marker. */
  private heredoc(h: TsNode): TextProjection | undefined {
    const ids = named(h).filter((c) => c.type === 'heredoc_identifier');
    if (ids.length < 2) return undefined;
    const start = this.text.indexOf('\n', ids[0].endIndex) + 1;
    const end = this.text.lastIndexOf('\n', ids[1].startIndex);
    if (start <= 0 || end < start) return undefined;
    const substitutions: Substitution[] = named(h)
      .filter((c) => c.type === 'template_interpolation' || c.type === 'template_directive')
      .map((c) => ({ src: spanOf(c), part: c.type === 'template_interpolation' ? this.interpolation(c) : { kind: 'unknown', label: labelOf(c), src: spanOf(c) } }));
    if (!this.text.slice(start, end).trimStart().startsWith('{')) return undefined;
    return new TextProjection(this.text, { offset: start, length: end - start }, substitutions, (s) => s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{'));
  }

  private visitAttributes(n: TsNode | TsNode[], owners: TsNode[], visit: (attr: TsNode, owners: TsNode[]) => void): void {
    for (const c of Array.isArray(n) ? n : named(n)) {
      if (c.type === 'attribute') visit(c, owners);
      // Only blocks whose text mentions a policy can hold a policy argument: skip the rest unread.
      else if (c.type === 'block' && this.text.slice(c.startIndex, c.endIndex).includes('polic')) this.visitAttributes(c, [...owners, c], visit);
      else if (c.type === 'body') this.visitAttributes(c, owners, visit);
    }
  }
}

/** The policies of a parsed Terraform file. */
export function terraformPolicies(text: string, tree: Tree): EmbeddedPolicy[] {
  return new TerraformReader(text, tree).policies();
}

/** Syntax errors inside policy documents (elsewhere they are terraform validate's business). */
export function terraformSyntaxErrors(tree: Tree, policies: EmbeddedPolicy[]): { offset: number; message: string }[] {
  if (!tree.rootNode.hasError) return [];
  // No policy found in a file that mentions one: the error may hide it, so it is the finding.
  const anywhere = policies.length === 0 && looksLikeTerraformPolicy(tree.rootNode.text);
  const inside = (n: TsNode) => anywhere || policies.some((p) => n.startIndex >= p.span.offset && n.startIndex <= p.span.offset + p.span.length);
  const found: { offset: number; message: string }[] = [];
  const visit = (n: TsNode) => {
    if (found.length >= 1 || !n.hasError && !n.isMissing) return;
    if ((n.type === 'ERROR' || n.isMissing) && inside(n)) {
      const shown = n.text.replace(/\s+/g, ' ').trim();
      found.push({ offset: n.startIndex, message: n.isMissing ? `missing:${n.type}` : `unexpected:${shown.length > 30 ? `${shown.slice(0, 27)}...` : shown}` });
      return;
    }
    for (const c of n.children) if (c) visit(c);
  };
  visit(tree.rootNode);
  return found;
}
