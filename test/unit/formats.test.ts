// Terraform and CloudFormation: findings on the exact text, fixes that keep the file valid in its
// own syntax, unknown values that never give a false finding (src/formats).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { FileReport, allFindings, analyzeFile } from '../../src/routing/analyzeFile';
import { Projection } from '../../src/formats/projection';
import { forgetTerraformTree, loadTerraform, recordTerraformChanges, terraformParser } from '../../src/formats/treeSitter';
import { hclString } from '../../src/formats/hclWriter';
import { setupFolder, setupSnippets, setupText } from '../../src/formats/setupTemplates';
import { applyEdits } from '../../src/policy/edits';
import type { AnalyzeOptions, Finding } from '../../src/policy/types';
import { LineIndex } from '../../src/policy/ranges';
import { BRAZE_CURRENTS_TF_FINDINGS } from '../fixtures/iac/expectedFindings';

const fixtures = join(__dirname, '../fixtures/iac');
// The two Braze setups with known mistakes are the host tests' workspace files (infra/…).
const workspace = join(__dirname, '../fixtures/workspace');
const read = (name: string) => readFileSync(name.startsWith('infra/') ? join(workspace, name) : join(fixtures, name), 'utf8');

function check(text: string, name: string, options: AnalyzeOptions = {}): FileReport {
  const report = analyzeFile(text, name, options);
  assert.ok(report, `${name} was not analysed`);
  return report;
}

/** `line:col code [text under the squiggle]`, 1-based, for readable assertions. */
function where(text: string, f: Finding): string {
  const p = new LineIndex(text).positionAt(f.offset);
  return `${p.line + 1}:${p.character + 1} ${f.code} [${text.slice(f.offset, f.offset + f.length)}]`;
}

function findingsOf(report: FileReport, text: string): string[] {
  return allFindings(report).map((f) => where(text, f));
}

function terraformErrors(text: string): number {
  const tree = terraformParser()!.parse(text)!;
  try {
    return tree.rootNode.hasError ? 1 : 0;
  } finally {
    tree.delete();
  }
}

/** Apply a finding's first fix, check the file still parses, and return the new text. */
function applyFix(text: string, f: Finding, title?: RegExp): string {
  const fix = title ? f.fixes.find((x) => title.test(x.title)) : f.fixes[0];
  assert.ok(fix, `no fix${title ? ` matching ${title}` : ''} on ${f.code}: ${f.fixes.map((x) => x.title).join(', ')}`);
  assert.ok(fix.edits.length > 0, `fix "${fix.title}" has no edits`);
  return applyEdits(text, fix.edits);
}

before(async () => {
  assert.ok(await loadTerraform(), 'the Terraform grammar did not load');
});

describe('Terraform: where findings sit', () => {
  const text = read('infra/braze-currents.tf');
  let report: FileReport;
  before(() => {
    report = check(text, 'braze-currents-mistakes.tf');
  });

  it('finds every policy document and what the file uses it for', () => {
    assert.deepEqual(report.documents.map((d) => [d.name, d.usage ?? '-', d.result.purpose.id]), [
      ['data.aws_iam_policy_document.braze_currents', 'identity', 'currents'],
      ['data.aws_iam_policy_document.braze_trust', 'trust', 'trust'],
      ['aws_iam_role_policy.braze_dashboard.policy', 'identity', 'dashboard'],
    ]);
  });

  it('puts each finding on the exact text: the action, the placeholder, the principal', () => {
    assert.deepEqual(findingsOf(report, text), BRAZE_CURRENTS_TF_FINDINGS);
  });

  it('names the value a finding comes from when it was resolved from a variable', () => {
    const bad = text.replace('default = "acme-braze-currents"', 'default = "Acme_Braze"');
    const found = allFindings(check(bad, 'braze.tf')).filter((f) => f.code === 'bucket-name-invalid');
    assert.ok(found.length > 0, 'the resolved bucket name was not checked');
    for (const f of found) {
      assert.equal(bad.slice(f.offset, f.offset + f.length), '${var.bucket_name}');
      assert.match(f.message, /\(value from var\.bucket_name, line 4\)$/);
    }
    const es = allFindings(check(bad, 'braze.tf', { locale: 'es' })).find((f) => f.code === 'bucket-name-invalid')!;
    assert.match(es.message, /\(valor tomado de var\.bucket_name, línea 4\)$/);
  });
});

describe('Terraform: fixes in HCL', () => {
  const text = read('infra/braze-currents.tf');
  const findings = () => allFindings(check(text, 'braze-currents-mistakes.tf'));

  it('replaces a mistyped action inside its quotes and the file stays valid HCL', () => {
    const f = findings().find((x) => x.code === 'action-unknown')!;
    const fixed = applyFix(text, f);
    assert.match(fixed, /"s3:PutObject",\n {6}"s3:GetObject",\n/);
    assert.equal(terraformErrors(fixed), 0);
    assert.equal(allFindings(check(fixed, 'braze-currents-mistakes.tf')).filter((x) => x.code === 'action-unknown').length, 0);
  });

  it('requires the external ID with a condition block in the statement', () => {
    const f = findings().find((x) => x.code === 'trust-external-id-missing')!;
    const fixed = applyFix(text, f);
    assert.match(fixed, /:root"\]\n {4}\}\n {4}condition \{\n {6}test {5}= "StringEquals"\n {6}variable = "sts:ExternalId"\n {6}values {3}= \["INSERTEXTERNALID"\]\n {4}\}\n {2}\}/);
    assert.equal(terraformErrors(fixed), 0);
    const after = check(fixed, 'braze-currents-mistakes.tf');
    assert.ok(!allFindings(after).some((x) => x.code === 'trust-external-id-missing'));
  });

  it('adds a missing action to a multi-line list after its trailing comma', () => {
    const oneStep = text.replace('resources = ["arn:aws:s3:::${var.bucket_name}"]\n  }\n}', 'resources = ["arn:aws:s3:::${var.bucket_name}/*"]\n  }\n}').replace('      "s3:GetObjekt",\n', '');
    const f = allFindings(check(oneStep, 'braze.tf')).find((x) => x.code === 'integration-missing-permission');
    assert.ok(f, 'the missing s3:GetObject was not found');
    assert.match(f.message, /s3:GetObject/);
    const fixed = applyFix(oneStep, f);
    assert.match(fixed, /actions = \[\n {6}"s3:PutObject",\n {6}"s3:GetObject",\n {4}\]/);
    assert.equal(terraformErrors(fixed), 0);
    assert.deepEqual(allFindings(check(fixed, 'braze.tf')).filter((x) => x.severity === 'error' && x.code !== 'placeholder').map((x) => x.code), []);
  });

  it('adds the BUCKET/* resource for an object action that only names the bucket, through the variable the bucket came from', () => {
    const f = findings().find((x) => x.code === 'resource-mismatch')!;
    const fixed = applyFix(text, f);
    assert.match(fixed, /resources = \["arn:aws:s3:::\$\{var\.bucket_name\}", "arn:aws:s3:::\$\{var\.bucket_name\}\/\*"\]/);
    assert.equal(terraformErrors(fixed), 0);
    assert.ok(!allFindings(check(fixed, 'braze-currents-mistakes.tf')).some((x) => x.code === 'resource-mismatch'));
  });

  it('a new statement names the bucket through its variable; an aws_s3_bucket ARN through the resource (the longest value wins)', () => {
    const f = findings().find((x) => x.code === 'integration-missing-permission' && /s3:GetObject/.test(x.message))!;
    assert.match(applyFix(text, f), /resources = \["arn:aws:s3:::\$\{var\.bucket_name\}\/currents\/\*"\]/);
    const withResource = `resource "aws_s3_bucket" "b" {\n  bucket = "acme-braze-currents"\n}\n\ndata "aws_iam_policy_document" "braze_currents" {\n  statement {\n    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]\n    resources = [aws_s3_bucket.b.arn]\n  }\n  statement {\n    actions   = ["s3:PutObject", "s3:GetObject"]\n    resources = [aws_s3_bucket.b.arn]\n  }\n}\n`;
    const mismatch = allFindings(check(withResource, 'braze.tf')).find((x) => x.code === 'resource-mismatch')!;
    const fixed = applyFix(withResource, mismatch);
    assert.match(fixed, /resources = \[aws_s3_bucket\.b\.arn, "\$\{aws_s3_bucket\.b\.arn\}\/\*"\]/);
    assert.equal(terraformErrors(fixed), 0);
    assert.ok(!allFindings(check(fixed, 'braze.tf')).some((x) => x.code === 'resource-mismatch'));
  });

  it('requires the external ID through the file\'s external ID variable (a literal only where there is none)', () => {
    const withVariable = text.replace('variable "partner_account_id" {', 'variable "braze_external_id" {\n  type = string\n}\n\nvariable "partner_account_id" {');
    const f = allFindings(check(withVariable, 'braze.tf')).find((x) => x.code === 'trust-external-id-missing')!;
    const fixed = applyFix(withVariable, f);
    assert.match(fixed, /variable = "sts:ExternalId"\n {6}values {3}= \[var\.braze_external_id\]\n/);
    assert.equal(terraformErrors(fixed), 0);
    assert.ok(!allFindings(check(fixed, 'braze.tf')).some((x) => x.code === 'trust-external-id-missing'));
    // A variable whose default is the configured ID counts too, whatever its name.
    const byDefault = text.replace('variable "partner_account_id" {', 'variable "partner_secret" {\n  default = "braze-ext-42"\n}\n\nvariable "partner_account_id" {');
    const g = allFindings(check(byDefault, 'braze.tf', { externalId: 'braze-ext-42' })).find((x) => x.code === 'trust-external-id-missing')!;
    assert.match(applyFix(byDefault, g), /values {3}= \[var\.partner_secret\]/);
  });

  it('adds a statement to a jsonencode policy as an HCL object', () => {
    const noObjects = text.replace(/,\n {6}\{\n {8}Effect {3}= "Allow"\n {8}Action {3}= \["s3:PutObject", "s3:GetObject", "s3:DeleteObject"\][^}]*\}/, '');
    const inJsonencode = noObjects.indexOf('jsonencode');
    const f = allFindings(check(noObjects, 'braze.tf')).find((x) => x.offset > inJsonencode && x.code === 'integration-missing-permission' && x.fixes.some((y) => /statement/i.test(y.title)));
    assert.ok(f, 'no add-statement fix offered');
    const fixed = applyFix(noObjects, f, /statement/i);
    assert.match(fixed, /\{\n {8}Effect = "Allow"\n {8}Action = \["s3:PutObject"\]\n {8}Resource = \["arn:aws:s3:::INSERTBUCKETNAME\/currents\/\*"\]\n {6}\}/);
    assert.equal(terraformErrors(fixed), 0);
  });

  it('a quoted HCL string never gains an interpolation: ${ is written $${ in jsonencode', () => {
    assert.equal(hclString('arn:aws:s3:::${aws:username}/*'), '"arn:aws:s3:::$${aws:username}/*"');
    assert.equal(hclString('arn:aws:s3:::${aws:username}/*', true), '"arn:aws:s3:::&{aws:username}/*"');
  });
});

describe('Terraform: values unknown until deploy', () => {
  const text = read('unknown-values.tf');
  let report: FileReport;
  before(() => {
    report = check(text, 'unknown-values.tf');
  });

  it('reports only the typo: no finding on var.bucket_arn, concat(…), module outputs or var.partner_role_arn', () => {
    assert.deepEqual(findingsOf(report, text), ['33:19 action-unknown [s3:ListBukket]']);
  });

  it('an unknown action list does not make the policy a dashboard export', () => {
    assert.equal(report.documents[0].result.purpose.id, 'currents');
  });

  it('dynamic principals and conditions: no false "external ID missing", no missing Resource/Principal', () => {
    const t = `data "aws_iam_policy_document" "braze_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    dynamic "condition" {
      for_each = var.conditions
      content {
        test     = condition.value.test
        variable = condition.value.variable
        values   = condition.value.values
      }
    }
  }
}

data "aws_iam_policy_document" "braze_trust_from_vars" {
  statement {
    effect  = var.effect
    actions = var.actions
    dynamic "principals" {
      for_each = var.principal != null ? [var.principal] : []
      content {
        type        = principals.value.type
        identifiers = principals.value.identifiers
      }
    }
  }
}
`;
    const report = check(t, 'braze.tf');
    assert.equal(report.documents[0].result.kind, 'trust');
    assert.deepEqual(findingsOf(report, t), []);
    // Without the dynamic condition, the missing external ID is reported.
    const plain = t.replace(/ {4}dynamic "condition" \{[\s\S]*?\n {4}\}\n/, '');
    assert.deepEqual(findingsOf(check(plain, 'braze.tf'), plain).map((f) => f.split(' ')[1]), ['trust-external-id-missing']);
  });

  it('an Effect from a variable counts as a "maybe" Allow: no missing-permission error, no effect-invalid', () => {
    const t = `data "aws_iam_policy_document" "braze_currents" {
  statement {
    effect    = var.effect
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = ["arn:aws:s3:::acme-braze-currents"]
  }
  statement {
    effect    = var.effect
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = ["arn:aws:s3:::acme-braze-currents/*"]
  }
}
`;
    assert.deepEqual(findingsOf(check(t, 'braze.tf'), t), []);
    // The same policy with a literal Effect that drops GetObject: the error is still there.
    const literal = t.replace(/var\.effect/g, '"Allow"').replace('"s3:PutObject", "s3:GetObject"', '"s3:PutObject"');
    assert.deepEqual(findingsOf(check(literal, 'braze.tf'), literal).map((f) => f.split(' ')[1]), ['integration-missing-permission']);
  });

  it('CloudFormation: a Condition given by !If may hold the external ID: not reported missing', () => {
    const t = `AWSTemplateFormatVersion: "2010-09-09"
Conditions:
  Strict: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  BrazeRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::111122223333:root
            Action: sts:AssumeRole
            Condition: !If [Strict, {StringEquals: {"sts:ExternalId": abc}}, !Ref "AWS::NoValue"]
`;
    assert.deepEqual(findingsOf(check(t, 't.yaml'), t), []);
  });

  it('dynamic statements and merged documents make permissions "maybe", never a false missing error', () => {
    const merged = `data "aws_iam_policy_document" "braze_currents" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = ["arn:aws:s3:::acme-braze-currents"]
  }
}
`;
    assert.deepEqual(findingsOf(check(merged, 'braze.tf'), merged), []);
  });
});

describe('Terraform: what the editor asks of a document (hover, completion)', () => {
  it('elementAt names the element of a string; conditionKeyAt gives a condition key and its statement\'s actions', () => {
    const text = read('unknown-values.tf');
    const report = check(text, 'unknown-values.tf');
    const trust = report.documents.find((d) => d.name.endsWith('braze_trust'))!;
    const projection = trust.projection as Projection;
    const key = projection.conditionKeyAt(text.indexOf('"sts:ExternalId"') + 5);
    assert.deepEqual(key && { key: key.key, actions: key.actions, text: text.slice(key.span.offset, key.span.offset + key.span.length) }, { key: 'sts:ExternalId', actions: ['sts:AssumeRole'], text: '"sts:ExternalId"' });
    const policy = report.documents[0].projection as Projection;
    const at = policy.elementAt(text.indexOf('"s3:ListBukket"') + 4);
    assert.deepEqual(at && [at.value, at.element], ['s3:ListBukket', 'Action']);
    assert.equal(policy.elementAt(text.indexOf('sid       = "Bucket"') + 15)?.element, 'Sid');
  });
});

describe('A declaration for one document of a file', () => {
  it('makes that document a Braze document and leaves the others as they were', () => {
    const t = `data "aws_iam_policy_document" "writer" {
  statement {
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = ["arn:aws:s3:::acme-exports/*"]
  }
}

data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-exports/*"]
  }
}
`;
    const inferred = check(t, 'main.tf');
    assert.deepEqual(inferred.documents.map((d) => d.result.purpose.id), ['general', 'general']);
    const declared = analyzeFile(t, 'main.tf', {}, undefined, undefined, (name) => (name === 'data.aws_iam_policy_document.writer' ? 'currents' : undefined))!;
    assert.deepEqual(declared.documents.map((d) => [d.result.purpose.id, d.result.purpose.declared]), [['currents', true], ['general', false]]);
    assert.deepEqual([...new Set(declared.documents[0].result.findings.map((f) => f.code))], ['integration-missing-permission']);
    assert.deepEqual(declared.documents[1].result.findings, []);
  });
});

describe('Terraform: heredoc JSON', () => {
  const text = `resource "aws_iam_policy" "braze_currents" {
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetBucketLocation"], "Resource": "arn:aws:s3:::\${var.bucket}"},
        {"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObjekt"], "Resource": "arn:aws:s3:::\${var.bucket}/*"}
      ]
    }
  EOT
}
`;
  it('finds the typo at its place inside the heredoc and fixes it there', () => {
    const report = check(text, 'main.tf');
    // The typo, and what it leaves missing: s3:GetObject.
    assert.deepEqual(findingsOf(report, text), ['7:39 integration-missing-permission [["s3:PutObject", "s3:GetObjekt"]]', '7:57 action-unknown [s3:GetObjekt]']);
    const fixed = applyFix(text, allFindings(report)[1]);
    assert.match(fixed, /"s3:PutObject", "s3:GetObject"\]/);
    assert.equal(terraformErrors(fixed), 0);
    assert.deepEqual(findingsOf(check(fixed, 'main.tf'), fixed), []);
  });

  it('a fix that would write over an interpolation is not offered', () => {
    const wild = text.replace('"arn:aws:s3:::${var.bucket}/*"', '"${var.bucket_arn}"');
    const report = check(wild, 'main.tf');
    assert.ok(allFindings(report).every((f) => f.fixes.every((x) => x.edits.every((e) => !wild.slice(e.offset, e.offset + e.length).includes('${')))));
  });
});

describe('Terraform: broken files', () => {
  it('a syntax error inside a policy document is one template-syntax finding there; that document is not guessed at, the others are checked', () => {
    const text = read('infra/braze-currents.tf').replace('sid = "ObjectLevel"', 'sid = "ObjectLevel" ]');
    const report = check(text, 'braze.tf');
    assert.deepEqual(report.fileFindings.map((f) => [f.code, where(text, f).split(' ')[0]]), [['template-syntax', '19:11']]);
    assert.match(report.fileFindings[0].message, /^This policy document cannot be read: unexpected/);
    assert.match(check(text, 'braze.tf', { locale: 'es' }).fileFindings[0].message, /^No se puede leer este documento de política: «.*» inesperado\.$/);
    assert.ok(!report.documents.some((d) => d.name === 'data.aws_iam_policy_document.braze_currents'));
    assert.deepEqual(report.documents.find((d) => d.name === 'aws_iam_role_policy.braze_dashboard.policy')?.result.findings.map((f) => f.code), ['placeholder', 'placeholder']);
  });

  it('odd escapes in HCL strings (a lone \\u, a code point beyond Unicode): a syntax finding or a reading, never an exception (found by the mutation test)', () => {
    const t = 'data "aws_iam_policy_document" "x" {\n  statement {\n    actions   = ["s3:GetObject\\u"]\n    resources = ["arn:aws:s3:::b\\UFFFFFFFF/*"]\n  }\n}\n';
    // The grammar rejects the lone \\u: the file gets one clear syntax finding, no exception.
    assert.deepEqual(allFindings(check(t, 'x.tf')).map((f) => f.code), ['template-syntax']);
    const valid = t.replace('\\u"', '"');
    const codes = allFindings(check(valid, 'x.tf')).map((f) => f.code);
    assert.ok(!codes.includes('analysis-failed') && !codes.includes('template-syntax'), codes.join(', '));
  });

  it('binary-looking, empty and non-policy .tf texts give no findings and no exception', () => {
    for (const t of ['', '\u0000\u0001\u0002', 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n', '{{{{', 'policy = jsonencode(']) {
      const report = check(t, 'x.tf');
      assert.equal(report.documents.filter((d) => d.result.findings.length > 0).length, 0, JSON.stringify(t));
    }
  });
});

describe('CloudFormation YAML', () => {
  const text = read('infra/braze-export.yaml');
  let report: FileReport;
  before(() => {
    report = check(text, 'braze-export-mistakes.yaml');
  });

  it('reads !GetAtt Bucket.Arn and !Sub with the parameter default and AWS::Partition', () => {
    assert.deepEqual(report.documents.map((d) => [d.name, d.usage, d.result.purpose.id]), [
      ['BrazeExportPolicy.PolicyDocument', 'identity', 'dashboard'],
      ['BrazeExportRole.AssumeRolePolicyDocument', 'trust', 'trust'],
    ]);
    assert.deepEqual(findingsOf(report, text), [
      '29:15 integration-missing-permission [- s3:PutObject\n              - s3:DeleteObject\n              - s3:PutObjekt]',
      '31:17 action-unknown [s3:PutObjekt]',
      '41:20 trust-external-id-missing [arn:aws:iam::111122223333:root]',
    ]);
  });

  it('adds the missing action as a new "- item" line and the YAML stays valid', () => {
    const f = allFindings(report).find((x) => x.code === 'integration-missing-permission')!;
    const fixed = applyFix(text, f);
    assert.match(fixed, / {14}- s3:PutObjekt\n {14}- s3:GetObject\n/);
    assert.equal(parseDocument(fixed).errors.length, 0);
  });

  it('requires the external ID with a Condition mapping under the statement', () => {
    const f = allFindings(report).find((x) => x.code === 'trust-external-id-missing')!;
    const fixed = applyFix(text, f);
    // The template declares an ExternalId parameter: the condition refers to it.
    assert.match(fixed, /Action: sts:AssumeRole\n {12}Condition:\n {14}StringEquals:\n {16}sts:ExternalId: !Ref ExternalId\n/);
    assert.equal(parseDocument(fixed).errors.length, 0);
    assert.ok(!allFindings(check(fixed, 'braze-export-mistakes.yaml')).some((x) => x.code === 'trust-external-id-missing'));
  });

  it('requires the external ID as a literal when the template has no external ID parameter', () => {
    const none = text.replace('  ExternalId:\n    Type: String\n', '');
    const fixed = applyFix(none, allFindings(check(none, 'braze.yaml')).find((x) => x.code === 'trust-external-id-missing')!);
    assert.match(fixed, /sts:ExternalId: INSERTEXTERNALID\n/);
  });

  it('adds BUCKET/* as !Sub with the template\'s own references (AWS::Partition, the bucket parameter), and !GetAtt …Arn where that is the value', () => {
    const t = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Bucket:
    Type: String
    Default: acme-braze-currents
Resources:
  BrazeCurrentsPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [s3:ListBucket, s3:GetBucketLocation]
            Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}"
          - Effect: Allow
            Action: [s3:PutObject, s3:GetObject]
            Resource:
              - !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}"
`;
    const fixed = applyFix(t, allFindings(check(t, 't.yaml')).find((f) => f.code === 'resource-mismatch')!);
    assert.match(fixed, /- !Sub "arn:\$\{AWS::Partition\}:s3:::\$\{Bucket\}"\n {14}- !Sub arn:\$\{AWS::Partition\}:s3:::\$\{Bucket\}\/\*\n/);
    assert.equal(parseDocument(fixed).errors.length, 0);
    assert.deepEqual(findingsOf(check(fixed, 't.yaml'), fixed), []);
    const getAtt = t.replace('Parameters:\n  Bucket:\n    Type: String\n    Default: acme-braze-currents\n', '').replace('Resources:\n', 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-braze-currents\n').replaceAll('!Sub "arn:${AWS::Partition}:s3:::${Bucket}"', '!GetAtt Bucket.Arn');
    const viaArn = applyFix(getAtt, allFindings(check(getAtt, 't.yaml')).find((f) => f.code === 'resource-mismatch')!);
    assert.match(viaArn, /- !GetAtt Bucket\.Arn\n {14}- !Sub "\$\{Bucket\.Arn\}\/\*"\n/);
    assert.deepEqual(findingsOf(check(viaArn, 't.yaml'), viaArn), []);
  });

  it('a finding from a parameter default sits on the !Sub text and names the default and its line', () => {
    const bad = text.replace('Default: acme-braze-exports', 'Default: Acme_Exports');
    const found = allFindings(check(bad, 'braze.yaml')).filter((f) => f.code === 'bucket-name-invalid');
    assert.ok(found.length > 0, 'the resolved bucket name was not checked');
    for (const f of found) {
      assert.ok(['${BucketName}', '!GetAtt ExportBucket.Arn'].includes(bad.slice(f.offset, f.offset + f.length)), bad.slice(f.offset, f.offset + f.length));
      assert.match(f.message, /\(value from (Parameters\.BucketName\.Default|ExportBucket\.BucketName), line 6\)$/);
    }
  });

  it('an unknown !Ref (a parameter without a default) gives no finding', () => {
    const unknown = text.replace('    Default: acme-braze-exports\n', '').replace('- s3:PutObjekt\n', '- s3:GetObject\n');
    assert.deepEqual(findingsOf(check(unknown, 'braze.yaml'), unknown).filter((f) => !f.includes('trust-external-id-missing')), []);
  });

  it('tightens an over-broad single Resource into a flow list, and removes an excess action line', () => {
    const t = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  BrazeCurrentsPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [s3:ListBucket, s3:GetBucketLocation]
            Resource: arn:aws:s3:::acme-braze-currents*
          - Effect: Allow
            Action:
              - s3:PutObject
              - s3:GetObject
              - s3:PutBucketPolicy
            Resource: "arn:aws:s3:::acme-braze-currents/*"
`;
    const findings = allFindings(check(t, 't.yaml'));
    const tightened = applyFix(t, findings.find((f) => f.code === 'resource-overbroad')!);
    assert.match(tightened, /Resource: \[arn:aws:s3:::acme-braze-currents, arn:aws:s3:::acme-braze-currents\/\*\]\n/);
    assert.equal(parseDocument(tightened).errors.length, 0);
    const trimmed = applyFix(tightened, allFindings(check(tightened, 't.yaml')).find((f) => f.code === 'integration-excess-permission')!);
    assert.match(trimmed, /- s3:GetObject\n {12}Resource:/);
    assert.deepEqual(findingsOf(check(trimmed, 't.yaml'), trimmed), []);
  });

  it('a policy given as a JSON block string is checked at its place', () => {
    const t = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  BrazePolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: braze
      PolicyDocument: |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObjekt", "Resource": "arn:aws:s3:::acme/*"}]}
`;
    assert.deepEqual(findingsOf(check(t, 't.yaml'), t).filter((f) => f.includes('action-unknown')), ['8:80 action-unknown [s3:PutObjekt]']);
  });

  it('malformed YAML gives a clear template-syntax finding, no exception', () => {
    const broken = text.replace('Action: sts:AssumeRole', 'Action: [sts:AssumeRole');
    const r = check(broken, 'broken.yaml');
    assert.equal(r.fileFindings[0]?.code, 'template-syntax');
    assert.match(r.fileFindings[0].message, /^This policy document cannot be read: YAML syntax error \(/);
    assert.match(check(broken, 'broken.yaml', { locale: 'es' }).fileFindings[0].message, /^No se puede leer este documento de política: error de sintaxis YAML/);
  });
});

describe('CloudFormation JSON', () => {
  const text = read('braze-export.template.json');
  it('resolves Fn::Join and adds the missing action inside the JSON array', () => {
    const report = check(text, 'braze-export.template.json');
    assert.equal(report.format, 'cloudformation');
    const f = allFindings(report).find((x) => x.code === 'integration-missing-permission')!;
    assert.match(f.message, /s3:GetObject/);
    const fixed = applyFix(text, f);
    assert.doesNotThrow(() => JSON.parse(fixed));
    assert.match(fixed, /"s3:PutObject",\n {16}"s3:GetObject"\n/);
    assert.deepEqual(allFindings(check(fixed, 'braze-export.template.json')).map((x) => x.code), []);
  });
  it('writes references in the Fn:: JSON forms: {"Ref": "ExternalId"}, {"Fn::Sub": "…${Bucket}/*"}', () => {
    const t = JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Parameters: { Bucket: { Type: 'String', Default: 'acme-braze-currents' }, ExternalId: { Type: 'String' } },
      Resources: {
        Policy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [
          { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: [{ 'Fn::Sub': 'arn:aws:s3:::${Bucket}' }] },
          { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: [{ 'Fn::Sub': 'arn:aws:s3:::${Bucket}' }] },
        ] } } },
        BrazeRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
        ] }, ManagedPolicyArns: [{ Ref: 'Policy' }] } },
      },
    }, null, 2);
    const findings = allFindings(check(t, 't.template.json'));
    const resource = applyFix(t, findings.find((f) => f.code === 'resource-mismatch')!);
    assert.deepEqual(JSON.parse(resource).Resources.Policy.Properties.PolicyDocument.Statement[1].Resource, [{ 'Fn::Sub': 'arn:aws:s3:::${Bucket}' }, { 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' }]);
    const trust = applyFix(t, findings.find((f) => f.code === 'trust-external-id-missing')!);
    assert.deepEqual(JSON.parse(trust).Resources.BrazeRole.Properties.AssumeRolePolicyDocument.Statement[0].Condition, { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } });
    assert.ok(!allFindings(check(trust, 't.template.json')).some((f) => f.code === 'trust-external-id-missing'));
  });
});

describe('Real-shaped files: no false alarms', () => {
  // What a correct checker reports on each (SOURCE.md names the files they follow).
  it('data-lake-role.tf (Terraform 0.11 style, list variables for principals and external IDs): nothing', () => {
    const text = read('data-lake-role.tf');
    const report = check(text, 'data-lake-role.tf');
    assert.deepEqual(report.documents.map((d) => [d.name, d.usage]), [
      ['data.aws_iam_policy_document.data_lake_assume_role', 'trust'],
      ['data.aws_iam_policy_document.data_lake', 'identity'],
    ]);
    assert.deepEqual(findingsOf(report, text), []);
  });

  it('delivery-role.yaml (!Join ARNs from a parameter without default, service trust with external ID): nothing', () => {
    const text = read('delivery-role.yaml');
    assert.deepEqual(findingsOf(check(text, 'delivery-role.yaml'), text), []);
  });
});

describe('Setup templates and snippets (Terraform, CloudFormation)', () => {
  const filled = { bucket: 'acme-braze-exports', partnerAccountId: '111122223333', externalId: 'braze-ext-1' };
  for (const format of ['terraform', 'cloudformation'] as const) {
    for (const integration of ['currents', 'dashboard'] as const) {
      for (const auth of ['role-arn', 'secret-key'] as const) for (const existingBucket of [false, true]) {
        it(`${format} ${integration} (${auth}${existingBucket ? ', existing bucket' : ''}): clean when filled in; only placeholders otherwise`, () => {
          const name = format === 'terraform' ? 'main.tf' : 'template.yaml';
          const folder = integration === 'currents' ? { folder: 'currents' } : {};
          const text = setupText(format, { integration, auth, existingBucket, ...filled, ...folder });
          // An existing bucket is read, never created (apply would fail: BucketAlreadyOwnedByYou).
          if (format === 'terraform') {
            assert.equal(/resource "aws_s3_bucket"/.test(text), !existingBucket);
            assert.equal(/data "aws_s3_bucket" "braze_export"/.test(text), existingBucket);
          } else assert.equal(/Type: AWS::S3::Bucket\n/.test(text), !existingBucket);
          // A stack output is readable by anyone allowed cloudformation:DescribeStacks: no secret there.
          if (format === 'cloudformation') assert.doesNotMatch(text, /SecretAccessKey|AWS::IAM::AccessKey/);
          const report = check(text, name);
          assert.deepEqual(findingsOf(report, text), []);
          const purposes = report.documents.map((d) => d.result.purpose.id).sort();
          assert.deepEqual(purposes, auth === 'role-arn' ? [integration, 'trust'].sort() : [integration]);
          assert.ok(format === 'terraform' ? terraformErrors(text) === 0 : parseDocument(text).errors.length === 0);
          const bare = setupText(format, { integration, auth, existingBucket });
          const codes = new Set(allFindings(check(bare, name)).map((f) => f.code));
          assert.deepEqual([...codes], ['placeholder']);
        });
      }
    }
    it(`${format}: written into ${format}/ or infra/ when the workspace has one, else the root`, () => {
      assert.equal(setupFolder(format, ['src', 'infra', format]), format);
      assert.equal(setupFolder(format, ['src', 'Infra']), 'Infra');
      assert.equal(setupFolder(format, ['src', format === 'terraform' ? 'cloudformation' : 'terraform']), undefined);
    });
    it(`${format} snippets: only their placeholders`, () => {
      for (const s of setupSnippets(format)) {
        const text = format === 'terraform' ? s.text : `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${s.text}`;
        const report = check(text, format === 'terraform' ? 'main.tf' : 't.yaml');
        // One document each: the role's trust policy, or the policy (a policy document alone in a
        // .tf file has no use yet; a CloudFormation managed policy is an identity policy).
        const expected = s.kind === 'role' ? 'trust' : format === 'terraform' ? 'unknown' : 'identity';
        assert.deepEqual(report.documents.map((d) => d.usage ?? 'unknown'), [expected], s.prefix);
        assert.deepEqual([...new Set(allFindings(report).map((f) => f.code))], ['placeholder'], s.prefix);
      }
    });
  }
});

describe('Terraform and CloudFormation: mutated files never break the reader', () => {
  // Deleting, duplicating and inserting characters of the fixtures: every result must be a report
  // (no exception), with findings and fix edits inside the text, and no analysis-failed.
  const names = ['infra/braze-currents.tf', 'unknown-values.tf', 'data-lake-role.tf', 'infra/braze-export.yaml', 'braze-export.template.json', 'delivery-role.yaml'];
  const pieces = ['{', '}', '[', ']', '"', '${', '!Ref ', '\n', '  ', ':', ',', '=', '<<EOF\n', '#', '- ', '&{', '\\'];
  it('2,000 mutations of the fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), fc.nat(40), fc.constantFrom(...pieces), fc.constantFrom('delete', 'insert', 'duplicate'), (name, at, span, piece, how) => {
        const original = read(name);
        const i = at % original.length;
        const text = how === 'delete' ? original.slice(0, i) + original.slice(i + span) : how === 'insert' ? original.slice(0, i) + piece + original.slice(i) : original.slice(0, i) + original.slice(i, i + span).repeat(2) + original.slice(i + span);
        const report = analyzeFile(text, name);
        assert.ok(report);
        for (const f of allFindings(report)) {
          assert.notEqual(f.code, 'analysis-failed', f.message);
          assert.ok(f.offset >= 0 && f.offset + f.length <= text.length, `${f.code} out of the text`);
          for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length, `edit of "${fix.title}" out of the text`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Terraform: incremental re-parse', () => {
  it('200 random edits: parsing from the edited tree gives the findings a full parse gives', () => {
    let text = read('infra/braze-currents.tf');
    const key = 'test://incremental.tf';
    let version = 1;
    const summary = (r: FileReport) => allFindings(r).map((f) => `${f.code}@${f.offset}+${f.length}`).join(' ');
    analyzeFile(text, 'braze.tf', {}, undefined, { key, version });
    const random = fc.sample(fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom('', 'x', '"', '\n', '}', '{\n', '日本', 's3:GetObjekt', '  ')), { numRuns: 200, seed: 42 });
    try {
      for (const [at, length, insert] of random) {
        const offset = at % (text.length + 1);
        const removed = Math.min(length, text.length - offset);
        const lines = new LineIndex(text);
        const start = lines.positionAt(offset);
        const end = lines.positionAt(offset + removed);
        text = text.slice(0, offset) + insert + text.slice(offset + removed);
        version++;
        recordTerraformChanges(key, version, [{ rangeOffset: offset, rangeLength: removed, text: insert, range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } } }]);
        assert.equal(summary(analyzeFile(text, 'braze.tf', {}, undefined, { key, version })!), summary(analyzeFile(text, 'braze.tf')!), `after edit ${version}`);
      }
    } finally {
      forgetTerraformTree(key);
    }
  });
});
