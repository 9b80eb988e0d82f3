// Building blocks of the rules' examples (each is a document that makes its rule fire).
export const B = 'acme-braze-exports';
export const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
export const allow = (Action: unknown, Resource: unknown, extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
/** The Currents template's two statements. */
export const currents = [allow(['s3:ListBucket', 's3:GetBucketLocation'], `arn:aws:s3:::${B}`), allow(['s3:PutObject', 's3:GetObject'], `arn:aws:s3:::${B}/*`)];
export const trust = (extra: object = {}) => policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', ...extra });
