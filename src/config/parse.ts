// Reads and validates the text of a repository configuration file (YAML, or JSON read as YAML).
// Every problem points at its place in the file; a file with any problem is not used. This module
// uses the yaml parser, so it is part of the formats bundle (src/formats/index.ts).
import { LineCounter, Node, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { RULE_CODES } from '../policy';
import { closest } from '../policy';
import type { Locale } from '../policy';
import { GlobError, compileGlob } from './glob';
import { configMessages } from './messages';
import { CONFIG_KEYS, ConfigProblem, ConfigPurpose, LoadedConfig, RepoConfig, RuleSetting } from './types';

const PURPOSES: readonly string[] = ['currents', 'dashboard', 'trust', 'none'];
const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];
/** Codes no `ignore` entry or braze-s3-ignore comment may name (their severity is set under rules). */
export const UNSUPPRESSIBLE = new Set<string>(['suppression-invalid', 'suppression-unused', 'config-invalid']);

export function parseRepoConfig(text: string, path: string, locale?: Locale): LoadedConfig {
  const m = configMessages(locale);
  const lines = new LineCounter();
  const problems: ConfigProblem[] = [];
  const at = (range: readonly number[] | null | undefined, message: string) => {
    const offset = range?.[0] ?? 0;
    const end = range?.[1] ?? offset;
    const pos = lines.linePos(offset);
    problems.push({ message, offset, length: Math.max(0, end - offset), line: pos.line - 1, character: pos.col - 1 });
  };
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) at(e.pos, m.yaml(e.message.split('\n')[0]));
  if (problems.length) return { path, problems };
  const config: RepoConfig = { path, purposes: [], rules: {}, exclude: [], ignore: [] };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return { path, config, problems }; // an empty file: all defaults
  if (!isMap(root)) {
    at(root.range, m.notMapping);
    return { path, problems };
  }
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 0);
  const str = (node: unknown): string | undefined => (isScalar(node) && typeof node.value === 'string' ? node.value : undefined);
  const glob = (node: unknown, key: string): string | undefined => {
    const g = str(node);
    if (g === undefined) {
      at((node as Node | undefined)?.range, m.expectedString(key));
      return undefined;
    }
    try {
      compileGlob(g);
      return g;
    } catch (error) {
      at((node as Node).range, m.globInvalid(g, error instanceof GlobError ? error.message : String(error)));
      return undefined;
    }
  };
  const code = (node: unknown, suppressing: boolean): string | undefined => {
    const c = str(node);
    const range = (node as Node | undefined)?.range;
    if (c === undefined || !(RULE_CODES as readonly string[]).includes(c)) {
      at(range, m.codeUnknown(c ?? String((node as { value?: unknown })?.value ?? ''), c ? closest(c, RULE_CODES) : undefined));
      return undefined;
    }
    if (suppressing && UNSUPPRESSIBLE.has(c)) {
      at(range, m.codeNotSuppressible(c));
      return undefined;
    }
    return c;
  };
  /** The fields of one list entry, or undefined (reported) when it is not a mapping of known fields. */
  const entry = (item: unknown, key: string, fields: string[]): Map<string, unknown> | undefined => {
    if (!isMap(item)) {
      at((item as Node | undefined)?.range, m.expectedEntry(key, fields.join(', ')));
      return undefined;
    }
    const out = new Map<string, unknown>();
    for (const pair of item.items) {
      const name = str(pair.key) ?? String((pair.key as { value?: unknown })?.value);
      if (!fields.includes(name)) at((pair.key as Node | undefined)?.range, m.unknownField(key, name, fields.join(', ')));
      else out.set(name, pair.value);
    }
    for (const f of fields) if (!out.has(f) && !(key === 'ignore' && f === 'reason')) at(item.range, m.missingField(key, f));
    return out;
  };
  const list = (value: unknown, key: string) => {
    if (isSeq(value)) return value.items;
    at((value as Node | undefined)?.range, m.expectedList(key));
    return [];
  };

  for (const pair of root.items) {
    const key = str(pair.key);
    const value = pair.value;
    const keyRange = (pair.key as Node | undefined)?.range;
    if (key === '$schema') continue; // editors' JSON schema hint
    if (key === undefined || !(CONFIG_KEYS as readonly string[]).includes(key)) {
      const name = key ?? String((pair.key as { value?: unknown })?.value);
      at(keyRange, m.unknownKey(name, CONFIG_KEYS.join(', '), closest(name, CONFIG_KEYS)));
      continue;
    }
    switch (key) {
      case 'purposes':
        for (const item of list(value, key)) {
          const e = entry(item, key, ['glob', 'purpose']);
          if (!e || !e.has('glob') || !e.has('purpose')) continue;
          const g = glob(e.get('glob'), 'glob');
          const p = str(e.get('purpose'));
          if (p === undefined || !PURPOSES.includes(p)) at((e.get('purpose') as Node | undefined)?.range, m.purposeInvalid(p ?? String((e.get('purpose') as { value?: unknown })?.value)));
          else if (g !== undefined) config.purposes.push({ glob: g, purpose: p as ConfigPurpose, line: lineOf(item as Node) });
        }
        break;
      case 'rules':
        if (!isMap(value)) {
          at((value as Node | undefined)?.range ?? keyRange, m.expectedMapping(key));
          break;
        }
        for (const rule of value.items) {
          const c = code(rule.key, false);
          const s = str(rule.value);
          if (c === undefined) continue;
          if (s === undefined || !SEVERITIES.includes(s)) at((rule.value as Node | undefined)?.range ?? (rule.key as Node).range, m.severityInvalid(c, s ?? String((rule.value as { value?: unknown })?.value)));
          else config.rules[c] = s as RuleSetting;
        }
        break;
      case 'exclude':
        for (const item of list(value, key)) {
          const g = glob(item, key);
          if (g !== undefined) config.exclude.push(g);
        }
        break;
      case 'ignore':
        for (const item of list(value, key)) {
          const e = entry(item, key, ['glob', 'codes', 'reason']);
          if (!e || !e.has('glob') || !e.has('codes')) continue;
          const g = glob(e.get('glob'), 'glob');
          const codesNode = e.get('codes');
          const codes = (isSeq(codesNode) ? codesNode.items : [codesNode]).map((c) => code(c, true));
          const reason = str(e.get('reason'))?.trim();
          if (!reason) at((e.get('reason') as Node | undefined)?.range ?? (item as Node).range, m.reasonMissing(key));
          if (g !== undefined && reason && codes.every((c) => c !== undefined)) config.ignore.push({ glob: g, codes: codes as string[], reason, line: lineOf(item as Node) });
        }
        break;
      case 'partnerAccountId': {
        const v = isScalar(value) ? String(value.value) : undefined;
        if (v === undefined || !/^\d{12}$/.test(v)) at((value as Node | undefined)?.range ?? keyRange, m.partnerAccountId(v ?? ''));
        else config.partnerAccountId = v;
        break;
      }
      case 'externalId':
      case 'folder': {
        const v = isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : undefined;
        if (v === undefined) at((value as Node | undefined)?.range ?? keyRange, m.expectedString(key));
        else config[key] = v;
        break;
      }
    }
  }
  return problems.length ? { path, problems } : { path, config, problems };
}
