import assert from 'node:assert/strict';
import { FolderDefaults } from '../../src/views/folderDefaults';

describe('the Currents folder a live check offers first (src/views/folderDefaults.ts)', () => {
  it('a dashboard run never sets it: the next Currents check on another bucket offers the setting, not the bucket root', () => {
    const d = new FolderDefaults();
    d.remember({ integration: 'dashboard', bucket: 'acme-braze-exports', folder: '' });
    assert.equal(d.folderFor('acme-braze-currents', undefined, 'currents'), 'currents');
    assert.equal(d.folderFor('acme-braze-exports', undefined, undefined), 'currents', 'not even on the same bucket');
    assert.equal(d.folderFor('acme-braze-currents', undefined, 'braze/events/'), 'braze/events');
  });

  it('offers the folder Currents data was found under in that bucket (the setting\'s when it is one of them)', () => {
    const d = new FolderDefaults();
    d.remember({ integration: 'dashboard', bucket: 'acme-braze-exports', folder: '' });
    assert.equal(d.folderFor('acme-braze-currents', ['currents-warehouse'], 'currents'), 'currents-warehouse');
    assert.equal(d.folderFor('acme-braze-currents', ['currents', 'currents-warehouse'], 'currents'), 'currents');
    assert.equal(d.folderFor('acme-braze-currents', [], 'currents'), 'currents');
  });

  it('keeps what was typed for a bucket, for that bucket only', () => {
    const d = new FolderDefaults();
    d.remember({ integration: 'currents', bucket: 'a', folder: 'exports/braze' });
    d.remember({ integration: 'dashboard', bucket: 'a', folder: '' });
    assert.equal(d.folderFor('a', ['currents'], 'currents'), 'exports/braze');
    assert.equal(d.folderFor('b', undefined, 'currents'), 'currents');
  });
});
