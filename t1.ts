import { analyze, policyText, trustPolicyText } from './src/policy';
const show = (label: string, t: string, o = {}) => { const r = analyze(t, o); console.log('==', label, r.kind, r.integration?.reason); for (const f of r.findings) console.log(' ', f.severity, f.code, JSON.stringify(t.slice(f.offset, f.offset+f.length)), f.message, f.fixes.map(x=>x.title).join(' | ')); };
show('currents filled', policyText('currents', {bucket: 'my-bucket'}));
show('dashboard filled', policyText('dashboard', {bucket: 'my-bucket'}));
show('currents placeholder', policyText('currents'));
show('trust', trustPolicyText('123456789012', 'abc'), {partnerAccountId: '123456789012', externalId: 'abc'});
show('trust placeholder', trustPolicyText());
const dash = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": ["s3:ListBucket", "s3:GetBucketLocation"],
            "Resource": ["arn:aws:s3:::INSERTBUCKETNAME"]
        },
        {
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            "Resource": ["arn:aws:s3:::INSERTBUCKETNAME*", "arn:aws:s3:::INSERTBUCKETNAME/", "arn:aws:s3:::INSERTBUCKETNAME"]
        }
    ]
}`;
show('doc dashboard secret-key', dash);
show('doc dashboard secret-key filled', dash.replace(/INSERTBUCKETNAME/g, 'acme-exports'));
show('bad', `{"Statement":[{"Effect":"allow","Actions":["s3:PutObjects"],"Action":["s4:GetObject","s3:ListObjects","s3:Putt*","s3:GetObject","s3:Get*"],"Resource":"arn:aws:s3:::My_Bucket/*", "Condition": {"StringEqual": {"s3:prefix": "x", "sts:ExternalId": "y"}}}]}`);
