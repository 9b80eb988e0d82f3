// Pre-filling a live check from a user's or role's own policies (issue 24).
import assert from 'node:assert/strict';
import { exportTargetOf } from '../../src/policy/exportTarget';
import { dashboardStatements, currentsStatements, policy } from './helpers';

describe('exportTargetOf: the bucket, folder and integration a principal\'s policies point at', () => {
  it('Currents policy scoped to its folder', () => {
    const scoped = policy([currentsStatements('acme-braze-currents')[0], { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::acme-braze-currents/events/*' }]);
    assert.deepEqual(exportTargetOf([scoped]), { bucket: 'acme-braze-currents', folder: 'events', integration: 'currents' });
  });
  it('dashboard export at the bucket root (DeleteObject granted), among other policies', () => {
    const other = policy([{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }]);
    assert.deepEqual(exportTargetOf([other, policy(dashboardStatements('acme-braze-exports'))]), { bucket: 'acme-braze-exports', folder: '', integration: 'dashboard' });
  });
  it('nothing to pre-fill: two buckets, a wildcard bucket, no PutObject, unreadable text', () => {
    assert.equal(exportTargetOf([policy(currentsStatements('a-bucket')), policy(currentsStatements('b-bucket'))]), undefined);
    assert.equal(exportTargetOf([policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme-*/*' }])]), undefined);
    assert.equal(exportTargetOf([policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme/*' }])]), undefined);
    assert.equal(exportTargetOf(['{ not json']), undefined);
  });
});
