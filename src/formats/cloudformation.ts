// CloudFormation templates (YAML with the short-form tags, or JSON): finds the policy documents of
// AWS::IAM::Policy / ManagedPolicy / Role / User / Group and AWS::S3::BucketPolicy and projects
// each to the engine's JSON, keeping source offsets (the `yaml` library keeps every node's range).
// Resolved in the template: !Ref to a parameter with a Default or to a bucket with a literal
// BucketName, !GetAtt Bucket.Arn, !Sub with ${Param} / ${Bucket} / ${AWS::Partition}, !Join.
// Anything else is an unknown `${…}` value.
import { Document, LineCounter, Node as YNode, Pair, Scalar, YAMLMap, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { EmbeddedPolicy, PolicyUsage } from './embedded';
import { ExternalIdRef, FileRefs, PEntry, PString, PValue, Part, Projection, Span, oneStatementDocument, permissionStatement } from './projection';
import { Substitution, TextProjection } from './textProjection';
import { YamlHost, yamlWriter } from './yamlWriter';

const INTRINSIC_KEYS = new Set(['Ref', 'Condition']);
const isIntrinsicKey = (k: string) => INTRINSIC_KEYS.has(k) || k.startsWith('Fn::');

interface Known {
  text: string;
  origin: string;
  line: number;
}

function scalarText(n: unknown): string | undefined {
  return isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean') ? String(n.value) : undefined;
}

function get(map: unknown, key: string): unknown {
  if (!isMap(map)) return undefined;
  for (const p of map.items) if (isScalar(p.key) && p.key.value === key) return p.value;
  return undefined;
}

/** An intrinsic function: the tag (`!Sub`) or the single `Fn::Sub` / `Ref` key, and its argument. */
function intrinsic(n: unknown): { name: string; arg: unknown } | undefined {
  if (isScalar(n) || isSeq(n) || isMap(n)) {
    const tag = (n as YNode).tag;
    if (tag && tag.startsWith('!')) return { name: tag === '!Ref' ? 'Ref' : tag === '!Condition' ? 'Condition' : `Fn::${tag.slice(1)}`, arg: n };
  }
  if (isMap(n) && n.items.length === 1 && isScalar(n.items[0].key) && typeof n.items[0].key.value === 'string' && isIntrinsicKey(n.items[0].key.value)) {
    return { name: n.items[0].key.value, arg: n.items[0].value };
  }
  return undefined;
}

export class CloudFormationReader {
  private readonly lines = new LineCounter();
  private readonly doc: Document;
  private readonly json: boolean;
  private readonly parameters: unknown;
  private readonly resources: unknown;

  constructor(readonly text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lines, keepSourceTokens: false, uniqueKeys: false, strict: false, prettyErrors: false });
    this.json = /^\s*\{/.test(text);
    this.parameters = get(this.doc.contents, 'Parameters');
    this.resources = get(this.doc.contents, 'Resources');
  }

  private fileRefs: FileRefs | undefined;

  /** What a fix may refer to: the String parameters holding an external ID (named so, or by default). */
  private get refs(): FileRefs {
    if (this.fileRefs) return this.fileRefs;
    const externalIds: ExternalIdRef[] = [];
    if (isMap(this.parameters)) {
      for (const p of this.parameters.items) {
        const name = scalarText(p.key);
        const type = scalarText(get(p.value, 'Type')) ?? 'String';
        if (!name || type !== 'String') continue;
        const d = scalarText(get(p.value, 'Default'));
        externalIds.push({ ref: name, value: d || undefined, named: /external.?id/i.test(name) });
      }
    }
    return (this.fileRefs = { externalIds });
  }

  /** YAML syntax errors (the file's own problem, reported once, not per policy). */
  get errors(): { offset: number; message: string }[] {
    return this.doc.errors.map((e) => ({ offset: e.pos[0], message: e.message.split('\n')[0] }));
  }

  private line(offset: number): number {
    return this.lines.linePos(offset).line;
  }

  /** The node's span, its tag included (`!Ref X`, not only `X`). */
  private span(n: unknown, fallback: Span = { offset: 0, length: 0 }): Span {
    const node = n as YNode | null | undefined;
    if (!node?.range) return fallback;
    const [start, end] = node.range;
    let from = start;
    if (node.tag?.startsWith('!')) {
      const at = this.text.lastIndexOf(node.tag, start);
      if (at >= 0 && start - at < 200) from = at;
    }
    // Block nodes end after their trailing newlines: a squiggle stops at the last character.
    let to = end;
    while (to > from && /\s/.test(this.text[to - 1])) to--;
    return { offset: from, length: Math.max(0, to - from) };
  }

  private resourceType(id: string): string | undefined {
    return scalarText(get(get(this.resources, id), 'Type'));
  }

  /** `!Ref Name` / `${Name}`: a parameter default, a bucket's literal name, AWS::Partition. */
  private resolveName(name: string, depth: number): Known | undefined {
    if (depth > 6) return undefined;
    if (name === 'AWS::Partition') return { text: 'aws', origin: 'AWS::Partition', line: 0 };
    const [id, attribute] = name.split('.', 2);
    const param = get(this.parameters, id);
    if (param && !attribute) {
      // An SSM parameter type's Default is the parameter's name, not its value; an empty Default
      // is a value to fill in: both stay unknown.
      if (/^(AWS::SSM::Parameter::|List<|CommaDelimitedList)/.test(scalarText(get(param, 'Type')) ?? '')) return undefined;
      const d = get(param, 'Default');
      const value = scalarText(d);
      if (value !== undefined && value !== '') return { text: value, origin: `Parameters.${id}.Default`, line: this.line(this.span(d).offset) };
      return undefined;
    }
    if (this.resourceType(id) === 'AWS::S3::Bucket') {
      const bucketName = get(get(get(this.resources, id), 'Properties'), 'BucketName');
      const known = bucketName === undefined ? undefined : this.known(bucketName, depth + 1);
      if (!known) return undefined;
      const origin = `${id}.BucketName`;
      if (!attribute) return { ...known, origin };
      if (attribute === 'Arn') return { text: `arn:aws:s3:::${known.text}`, origin, line: known.line };
    }
    return undefined;
  }

  /** The literal text of a value, through intrinsics, or undefined. */
  private known(n: unknown, depth = 0): Known | undefined {
    const plain = scalarText(n);
    const fn = intrinsic(n);
    if (!fn) return plain === undefined ? undefined : { text: plain, origin: '', line: this.line(this.span(n).offset) };
    const v = this.value(n, depth);
    if (v.type !== 'string' || v.parts.some((p) => p.kind === 'unknown')) return undefined;
    const resolved = v.parts.find((p) => p.kind === 'resolved');
    return { text: v.parts.map((p) => (p.kind === 'unknown' ? '' : p.text)).join(''), origin: resolved?.kind === 'resolved' ? resolved.origin : '', line: resolved?.kind === 'resolved' ? resolved.line : 0 };
  }

  private named(name: string, src: Span, depth: number, label = name): Part {
    const k = this.resolveName(name, depth);
    return k ? { kind: 'resolved', text: k.text, src, origin: k.origin, line: k.line, ref: name } : { kind: 'unknown', label, src };
  }

  /** Literal text of a scalar with the offsets of its characters, when the source spells it as is. */
  private literalPart(s: Scalar, text: string): Part {
    const [start, end] = s.range!;
    const raw = this.text.slice(start, end);
    const quoted = s.type === 'QUOTE_DOUBLE' || s.type === 'QUOTE_SINGLE';
    const inner = quoted ? raw.slice(1, -1) : raw;
    const exact = (s.type === 'PLAIN' || quoted) && inner === text;
    return { kind: 'literal', text, src: exact ? { offset: quoted ? start + 1 : start, length: inner.length } : { offset: start, length: end - start }, escaped: !exact };
  }

  /** `Fn::Sub` text → parts: `${Name}` resolved or unknown, `${!Literal}` kept as `${Literal}`. */
  private subParts(s: unknown, vars: unknown, depth: number): Part[] {
    if (!isScalar(s) || typeof s.value !== 'string') return [{ kind: 'unknown', label: 'Fn::Sub', src: this.span(s) }];
    const value = s.value;
    const whole = this.literalPart(s, value);
    const exact = whole.kind === 'literal' && !whole.escaped;
    const base = whole.src.offset;
    const parts: Part[] = [];
    const literal = (from: number, to: number, text = value.slice(from, to)) => {
      if (to > from) parts.push({ kind: 'literal', text, src: exact ? { offset: base + from, length: to - from } : whole.src, escaped: !exact || text.length !== to - from });
    };
    let at = 0;
    for (const m of value.matchAll(/\$\{([^}]*)\}/g)) {
      const i = m.index!;
      literal(at, i);
      const src = exact ? { offset: base + i, length: m[0].length } : whole.src;
      const name = m[1].trim();
      if (name.startsWith('!')) literal(i, i + m[0].length, `\${${name.slice(1)}}`);
      else {
        const bound = get(vars, name);
        if (bound !== undefined) {
          const k = this.known(bound, depth + 1);
          parts.push(k ? { kind: 'resolved', text: k.text, src, origin: k.origin || name, line: k.line || this.line(src.offset) } : { kind: 'unknown', label: name, src });
        } else parts.push(this.named(name, src, depth + 1));
      }
      at = i + m[0].length;
    }
    literal(at, value.length);
    return parts;
  }

  /** A YAML node → a projected value. `at`: where an empty value (`Key:` with nothing) stands. */
  value(n: unknown, depth = 0, at?: Span): PValue {
    const src = this.span(n, at);
    if (n === null || n === undefined) return { type: 'string', parts: [{ kind: 'literal', text: '', src }], src };
    const fn = intrinsic(n);
    if (fn && depth < 12) return this.intrinsicValue(fn, src, depth);
    if (isScalar(n)) {
      const text = n.value === null ? '' : String(n.value);
      const host: YamlHost = { kind: 'scalar', span: { offset: n.range![0], length: n.range![1] - n.range![0] }, style: n.type ?? 'PLAIN', json: this.json };
      return { type: 'string', parts: [this.literalPart(n, text)], src, host };
    }
    if (isSeq(n)) {
      return { type: 'array', items: n.items.map((i) => this.value(i, depth, src)), src, host: { kind: 'seq', span: src, flow: !!n.flow, json: this.json } satisfies YamlHost };
    }
    if (isMap(n)) {
      const entries: PEntry[] = n.items.filter((p): p is Pair<Scalar, unknown> => isPair(p) && isScalar(p.key)).map((p) => {
        const keyText = String(p.key.value);
        const keyPart = this.literalPart(p.key, keyText);
        return { key: keyText, keySrc: this.span(p.key), keyLiteral: keyPart.kind === 'literal' && !keyPart.escaped, value: this.value(p.value, depth, this.span(p.key)), host: { kind: 'pair', keySpan: this.span(p.key), json: this.json } satisfies YamlHost };
      });
      return { type: 'object', entries, src, host: { kind: 'map', span: src, flow: !!n.flow, json: this.json } satisfies YamlHost };
    }
    return { type: 'string', parts: [{ kind: 'unknown', label: '?', src }], src };
  }

  private intrinsicValue(fn: { name: string; arg: unknown }, src: Span, depth: number): PValue {
    const str = (parts: Part[]): PString => ({ type: 'string', parts: parts.length ? parts : [{ kind: 'literal', text: '', src }], src });
    const arg = fn.arg;
    switch (fn.name) {
      case 'Ref': {
        const name = scalarText(arg);
        return str([name ? this.named(name, src, depth, name) : { kind: 'unknown', label: 'Ref', src }]);
      }
      case 'Fn::GetAtt': {
        const name = isSeq(arg) ? arg.items.map(scalarText).join('.') : scalarText(arg);
        if (name?.endsWith('.Arn') && this.resourceType(name.split('.')[0]) === 'AWS::S3::Bucket') {
          const k = this.resolveName(name, depth);
          if (k) return str([{ kind: 'resolved', text: k.text, src, origin: k.origin, line: k.line, ref: name }]);
          // An S3 bucket without a literal name: still an S3 bucket ARN, its name unknown.
          return str([{ kind: 'resolved', text: 'arn:aws:s3:::', src, origin: name, line: this.line(src.offset) }, { kind: 'unknown', label: name.split('.')[0], src }]);
        }
        return str([{ kind: 'unknown', label: name ?? 'Fn::GetAtt', src }]);
      }
      case 'Fn::Sub': {
        if (isSeq(arg)) return str(this.subParts(arg.items[0], arg.items[1], depth));
        return str(this.subParts(arg, undefined, depth));
      }
      case 'Fn::Join': {
        if (isSeq(arg) && arg.items.length === 2 && isSeq(arg.items[1])) {
          const delimiter = arg.items[0];
          const delimiterText = scalarText(delimiter) ?? '';
          const parts: Part[] = [];
          arg.items[1].items.forEach((item, i) => {
            if (i > 0 && delimiterText) parts.push({ kind: 'resolved', text: delimiterText, src: this.span(delimiter), origin: 'Fn::Join', line: this.line(this.span(delimiter).offset) });
            const v = this.value(item, depth + 1);
            if (v.type === 'string') parts.push(...v.parts);
            else parts.push({ kind: 'unknown', label: 'Fn::Join', src: this.span(item) });
          });
          return str(parts);
        }
        return str([{ kind: 'unknown', label: 'Fn::Join', src }]);
      }
      default:
        return str([{ kind: 'unknown', label: fn.name, src }]);
    }
  }

  /** A policy given as a JSON string (a `|` block, or a quoted string written without escapes). */
  private stringPolicy(n: unknown): TextProjection | undefined {
    const fn = intrinsic(n);
    const node = fn?.name === 'Fn::Sub' && isScalar(fn.arg) ? fn.arg : fn ? undefined : n;
    if (!isScalar(node) || typeof node.value !== 'string' || !/^\s*\{/.test(node.value)) return undefined;
    const [start, end] = node.range!;
    let from = start;
    let to = end;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      if (node.type === 'BLOCK_FOLDED') return undefined;
      from = this.text.indexOf('\n', start) + 1;
      if (from <= 0) return undefined;
    } else if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
      from = start + 1;
      to = end - 1;
      if (this.text.slice(from, to) !== node.value) return undefined;
    } else return undefined;
    const substitutions: Substitution[] = [];
    if (fn) {
      for (const m of this.text.slice(from, to).matchAll(/\$\{([^}]*)\}/g)) {
        const src = { offset: from + m.index!, length: m[0].length };
        const name = m[1].trim();
        substitutions.push({ src, part: name.startsWith('!') ? { kind: 'literal', text: `\${${name.slice(1)}}`, src, escaped: true } : this.named(name, src, 0) });
      }
    }
    return new TextProjection(this.text, { offset: from, length: to - from }, substitutions);
  }

  private document(name: string, n: unknown, usage: PolicyUsage | undefined, out: EmbeddedPolicy[], group?: string): void {
    if (n === undefined || n === null) return;
    const fn = intrinsic(n);
    // Fn::If: each branch is a document of its own (AWS::NoValue is none).
    if (fn?.name === 'Fn::If' && isSeq(fn.arg) && fn.arg.items.length === 3) {
      const [, yes, no] = fn.arg.items;
      this.document(`${name} (if true)`, yes, usage, out, group);
      this.document(`${name} (if false)`, no, usage, out, group);
      return;
    }
    if (fn?.name === 'Ref' && scalarText(fn.arg) === 'AWS::NoValue') return;
    const span = this.span(n);
    if (isMap(n) && !fn) {
      out.push({ name, span, usage, group, projection: new Projection(this.value(n), span, yamlWriter(this.text), this.refs) });
      return;
    }
    const text = this.stringPolicy(n);
    if (text) out.push({ name, span, usage, group, projection: text });
  }

  /** A list of inline policies (`Policies:` of a role, user or group), items possibly under Fn::If. */
  private inlinePolicies(id: string, items: readonly unknown[], out: EmbeddedPolicy[], group: string): void {
    items.forEach((p, i) => {
      const fn = intrinsic(p);
      if (fn?.name === 'Fn::If' && isSeq(fn.arg) && fn.arg.items.length === 3) {
        this.inlinePolicies(id, fn.arg.items.slice(1), out, group);
        return;
      }
      const policyName = scalarText(get(p, 'PolicyName')) ?? String(i);
      this.document(`${id}.Policies[${policyName}]`, get(p, 'PolicyDocument'), 'identity', out, group);
    });
  }

  /**
   * A permission given as fields rather than a document (AWS::Lambda::Permission): read as the
   * one-statement resource policy the service builds from them, so its action is checked.
   */
  private permission(id: string, props: unknown, out: EmbeddedPolicy[]): void {
    const action = get(props, 'Action');
    const principal = get(props, 'Principal');
    if (action === undefined || principal === undefined) return;
    const src = this.span(action);
    const whole = this.span(props);
    const statement = permissionStatement({
      principal: this.value(principal), principalText: scalarText(principal), principalKey: whole,
      action: this.value(action), actionKey: whole,
      functionName: this.span(get(props, 'FunctionName'), whole), label: 'FunctionName', at: whole,
    });
    out.push({ name: `${id}.Permission`, span: src, usage: 'resource', projection: new Projection(oneStatementDocument(statement, whole), whole, yamlWriter(this.text)) });
  }

  policies(): EmbeddedPolicy[] {
    const out: EmbeddedPolicy[] = [];
    if (!isMap(this.resources)) return out;
    for (const pair of (this.resources as YAMLMap).items) {
      const id = scalarText(pair.key);
      if (!id) continue;
      const type = scalarText(get(pair.value, 'Type')) ?? '';
      const props = get(pair.value, 'Properties');
      const property = DOCUMENT_PROPERTIES[type];
      if (property) {
        const usage = type === 'AWS::Organizations::Policy' ? organizationPolicyUsage(scalarText(get(props, 'Type'))) : property.usage;
        if (usage !== null) this.document(`${id}.${property.name}`, get(props, property.name), usage, out, this.groupOf(type, id, props));
        continue;
      }
      switch (type) {
        case 'AWS::IAM::Role':
          this.document(`${id}.AssumeRolePolicyDocument`, get(props, 'AssumeRolePolicyDocument'), 'trust', out, id);
        // falls through: roles have inline Policies too
        case 'AWS::IAM::User':
        case 'AWS::IAM::Group':
          {
            const policies = get(props, 'Policies');
            this.inlinePolicies(id, isSeq(policies) ? policies.items : [], out, id);
          }
          break;
        case 'AWS::Lambda::Permission':
          this.permission(id, props, out);
          break;
        case 'AWS::Events::EventBusPolicy': {
          // A whole statement (Statement) or its fields (Action, Principal…): the former is checked.
          const statement = get(props, 'Statement');
          if (isMap(statement)) this.statementDocument(`${id}.Statement`, statement, out);
          break;
        }
      }
    }
    return out.sort((a, b) => a.span.offset - b.span.offset);
  }

  /** One statement given alone, checked as the one-statement resource policy it becomes. */
  private statementDocument(name: string, statement: YAMLMap, out: EmbeddedPolicy[]): void {
    const span = this.span(statement);
    out.push({ name, span, usage: 'resource', projection: new Projection(oneStatementDocument(this.value(statement), span), span, yamlWriter(this.text)) });
  }


  /** The role or user an IAM policy resource is attached to, when it names exactly one in this template. */
  private groupOf(type: string, id: string, props: unknown): string | undefined {
    if (!/^AWS::IAM::(Policy|ManagedPolicy|RolePolicy|UserPolicy)$/.test(type)) return undefined;
    const single = get(props, 'RoleName') ?? get(props, 'UserName');
    const list = get(props, 'Roles') ?? get(props, 'Users');
    const target = single ?? (isSeq(list) && list.items.length === 1 ? list.items[0] : undefined);
    const fn = intrinsic(target);
    const ref = fn?.name === 'Ref' ? scalarText(fn.arg) : undefined;
    return ref && get(this.resources, ref) ? ref : id;
  }
}

/** Resource types whose one property holds a policy document, and what it is. */
const DOCUMENT_PROPERTIES: Record<string, { name: string; usage: PolicyUsage | undefined }> = {
  'AWS::IAM::Policy': { name: 'PolicyDocument', usage: 'identity' },
  'AWS::IAM::ManagedPolicy': { name: 'PolicyDocument', usage: 'identity' },
  'AWS::IAM::RolePolicy': { name: 'PolicyDocument', usage: 'identity' },
  'AWS::IAM::UserPolicy': { name: 'PolicyDocument', usage: 'identity' },
  'AWS::IAM::GroupPolicy': { name: 'PolicyDocument', usage: 'identity' },
  'AWS::SSO::PermissionSet': { name: 'InlinePolicy', usage: 'identity' },
  'AWS::S3::BucketPolicy': { name: 'PolicyDocument', usage: 'resource' },
  'AWS::S3::AccessPoint': { name: 'Policy', usage: 'resource' },
  'AWS::KMS::Key': { name: 'KeyPolicy', usage: 'resource' },
  'AWS::KMS::ReplicaKey': { name: 'KeyPolicy', usage: 'resource' },
  'AWS::SQS::QueuePolicy': { name: 'PolicyDocument', usage: 'resource' },
  'AWS::SQS::QueueInlinePolicy': { name: 'PolicyDocument', usage: 'resource' },
  'AWS::SNS::TopicPolicy': { name: 'PolicyDocument', usage: 'resource' },
  'AWS::SNS::TopicInlinePolicy': { name: 'PolicyDocument', usage: 'resource' },
  'AWS::Logs::ResourcePolicy': { name: 'PolicyDocument', usage: 'resource' },
  'AWS::Logs::Destination': { name: 'DestinationPolicy', usage: 'resource' },
  'AWS::Events::EventBus': { name: 'Policy', usage: 'resource' },
  'AWS::SecretsManager::ResourcePolicy': { name: 'ResourcePolicy', usage: 'resource' },
  'AWS::ECR::Repository': { name: 'RepositoryPolicyText', usage: 'resource' },
  'AWS::ECR::RegistryPolicy': { name: 'PolicyText', usage: 'resource' },
  'AWS::OpenSearchService::Domain': { name: 'AccessPolicies', usage: 'resource' },
  'AWS::Elasticsearch::Domain': { name: 'AccessPolicies', usage: 'resource' },
  'AWS::Backup::BackupVault': { name: 'AccessPolicy', usage: 'resource' },
  'AWS::EFS::FileSystem': { name: 'FileSystemPolicy', usage: 'resource' },
  'AWS::MSK::ClusterPolicy': { name: 'Policy', usage: 'resource' },
  'AWS::EC2::VPCEndpoint': { name: 'PolicyDocument', usage: 'endpoint' },
  'AWS::Organizations::Policy': { name: 'Content', usage: 'scp' },
};

/** An organization policy's Type: SCPs and RCPs are IAM documents; tag, backup… policies are not. */
function organizationPolicyUsage(type: string | undefined): PolicyUsage | null {
  if (type === undefined || type === 'SERVICE_CONTROL_POLICY') return 'scp';
  return type === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : null;
}

export function cloudFormationPolicies(text: string): { policies: EmbeddedPolicy[]; errors: { offset: number; message: string }[] } {
  const reader = new CloudFormationReader(text);
  return { policies: reader.policies(), errors: reader.errors };
}
