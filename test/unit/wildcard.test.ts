import assert from 'node:assert/strict';
import fc from 'fast-check';
import { patternMeetsTemplate, wildcardMatch } from '../../src/policy/wildcard';

/** Reference: a regular expression built from the pattern (fine in a test, never in the product). */
function reference(pattern: string, text: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${source}$`).test(text);
}

describe('wildcardMatch', () => {
  it('matches IAM wildcards', () => {
    assert.equal(wildcardMatch('s3:get*', 's3:getobject'), true);
    assert.equal(wildcardMatch('s3:get*', 's3:putobject'), false);
    assert.equal(wildcardMatch('arn:aws:s3:::b/*', 'arn:aws:s3:::b/currents/x'), true);
    assert.equal(wildcardMatch('arn:aws:s3:::b*', 'arn:aws:s3:::b-other/x'), true);
    assert.equal(wildcardMatch('arn:aws:s3:::b/?', 'arn:aws:s3:::b/x'), true);
    assert.equal(wildcardMatch('arn:aws:s3:::b/?', 'arn:aws:s3:::b/xy'), false);
    assert.equal(wildcardMatch('a*b*c', 'abc'), true);
    assert.equal(wildcardMatch('a*b*c', 'acb'), false);
    assert.equal(wildcardMatch('*', ''), true);
  });

  it('agrees with a regular-expression reference on 5,000 random cases', () => {
    const alphabet = fc.constantFrom('a', 'b', '/', '*', '?');
    const textAlphabet = fc.constantFrom('a', 'b', '/');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 10 }).map((a) => a.join('')), fc.array(textAlphabet, { maxLength: 12 }).map((a) => a.join('')), (p, t) => {
        assert.equal(wildcardMatch(p, t), reference(p, t), `${p} vs ${t}`);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the reference on patterns cut from the text they are matched against (long shared prefixes and suffixes)', () => {
    const unit = fc.constantFrom('a', 'b', '/', ':', '-');
    let matched = 0;
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), fc.constantFrom('', 'a', '?'), fc.constantFrom('', '*', '**'), (text, cut, cut2, change, star) => {
        const i = cut % (text.length + 1);
        const j = Math.max(i, cut2 % (text.length + 1));
        const pattern = text.slice(0, i) + change + star + text.slice(j);
        const expected = reference(pattern, text);
        if (expected) matched++;
        assert.equal(wildcardMatch(pattern, text), expected, `${pattern} vs ${text}`);
      }),
      { numRuns: 5000 },
    );
    // Both outcomes are well represented, so neither branch of the matcher goes untested.
    assert.ok(matched > 500 && matched < 4500, `${matched} of 5,000 matched`);
  });

  it('stays fast on patterns that make backtracking regexes explode', () => {
    const pattern = 'a*'.repeat(200) + 'b';
    const text = 'a'.repeat(5000);
    const started = process.hrtime.bigint();
    assert.equal(wildcardMatch(pattern, text), false);
    // Generous bound: a backtracking matcher takes far longer than a second here.
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 1000);
  });
});

describe('patternMeetsTemplate', () => {
  const bucket = 'arn:${Partition}:s3:::${BucketName}';
  const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
  it('tells bucket ARNs from object ARNs', () => {
    assert.equal(patternMeetsTemplate('arn:aws:s3:::b', bucket), true);
    assert.equal(patternMeetsTemplate('arn:aws:s3:::b', object), false);
    assert.equal(patternMeetsTemplate('arn:aws:s3:::b/*', object), true);
    assert.equal(patternMeetsTemplate('arn:aws:s3:::b/*', bucket), false);
  });
  it('lets a wildcard in the bucket name reach both', () => {
    assert.equal(patternMeetsTemplate('arn:aws:s3:::b*', bucket), true);
    assert.equal(patternMeetsTemplate('arn:aws:s3:::b*', object), true);
    assert.equal(patternMeetsTemplate('*', object), true);
  });
  it('keeps IAM paths (role names with paths may hold slashes)', () => {
    const role = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}';
    assert.equal(patternMeetsTemplate('arn:aws:iam::111122223333:role/team/braze', role), true);
    assert.equal(patternMeetsTemplate('arn:aws:iam::111122223333:user/braze', role), false);
  });

  it('agrees with a brute-force search for a common string on 1,000 random pattern/template pairs', () => {
    // Every string over the alphabet up to 6 characters: a common string, when there is one, is
    // no longer than the pattern and the template together (3 + 3 here).
    const alphabet = ['a', '/', ':'];
    const strings = [''];
    for (let len = 1, layer = ['']; len <= 6; len++) {
      layer = layer.flatMap((s) => alphabet.map((c) => s + c));
      strings.push(...layer);
    }
    const templateRegex = (tokens: string[]) =>
      new RegExp(`^${tokens.map((t) => (t === '${Name}' ? '[^/:]*' : t === '${ObjectName}' ? '[\\s\\S]*' : t)).join('')}$`);
    let met = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '/', ':', '*', '?'), { maxLength: 3 }),
        fc.array(fc.constantFrom('a', '/', ':', '${Name}', '${ObjectName}'), { maxLength: 3 }),
        (patternChars, templateTokens) => {
          const pattern = patternChars.join('');
          const template = templateTokens.join('');
          const re = templateRegex(templateTokens);
          const expected = strings.some((s) => re.test(s) && wildcardMatch(pattern, s));
          if (expected) met++;
          assert.equal(patternMeetsTemplate(pattern, template), expected, `${pattern} vs ${template}`);
        },
      ),
      { numRuns: 1000 },
    );
    assert.ok(met > 100 && met < 900, `${met} of 1,000 met`);
  });
});
