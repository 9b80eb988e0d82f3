// Generated Terraform and CloudFormation files for the benchmarks and the host latency test.

/** A 2,000-line .tf with 20 policy documents (the latency case). */
export function terraformFile(documents = 20, lines = 2000): string {
  const block = (i: number) => `data "aws_iam_policy_document" "braze_currents_${i}" {
  statement {
    sid       = "BucketLevel${i}"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = ["arn:aws:s3:::\${var.bucket_name}"]
  }

  statement {
    sid = "ObjectLevel${i}"
    actions = [
      "s3:PutObject",
      "s3:GetObject",
    ]
    resources = ["arn:aws:s3:::\${var.bucket_name}/currents/*"]
  }
}
`;
  const filler = (i: number) => `resource "aws_s3_object" "note_${i}" {\n  bucket  = var.bucket_name\n  key     = "notes/${i}.txt"\n  content = "line ${i}"\n}\n`;
  const parts = ['variable "bucket_name" {\n  default = "acme-braze-currents"\n}\n'];
  for (let i = 0; i < documents; i++) parts.push(block(i));
  for (let i = 0; parts.join('\n').split('\n').length < lines; i++) parts.push(filler(i));
  return parts.join('\n');
}

/** A CloudFormation template with 20 policies (managed policies, roles with trust and inline policies). */
export function cloudFormationFile(documents = 20): string {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Parameters:', '  BucketName:', '    Type: String', '    Default: acme-braze-currents', 'Resources:'];
  for (let i = 0; i < documents; i++) {
    out.push(`  BrazePolicy${i}:`, '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument:', '        Version: "2012-10-17"', '        Statement:',
      '          - Effect: Allow', '            Action:', '              - s3:ListBucket', '              - s3:GetBucketLocation', '            Resource: !Sub "arn:aws:s3:::${BucketName}"',
      '          - Effect: Allow', '            Action:', '              - s3:PutObject', '              - s3:GetObject', '            Resource: !Sub "arn:aws:s3:::${BucketName}/currents/*"');
  }
  return out.join('\n') + '\n';
}
