import assert from 'node:assert/strict';
import { DialogItem, HandOverTexts, ModalDialog, handOverNewKey } from '../../src/views/rotationHandOver';

const texts: HandOverTexts = {
  title: 'New access key for u', detail: 'secret', copyId: 'Copy access key ID', copySecret: 'Copy secret access key', remember: 'Remember the secret in VS Code',
  done: 'The partner now uses the new key', cancel: 'Cancel rotation…', confirmTitle: 'Cancel the rotation and delete the new key AKIA…?', confirmDetail: 'The old key stays as it is.',
  confirmDelete: 'Cancel rotation (delete the new key)', back: 'Back to the new key',
};

/** A scripted person: each answer is a button title, or undefined for Escape. Records what each dialog offered. */
function person(answers: (string | undefined)[]) {
  const shown: { kind: string; message: string; buttons: string[]; escape: string | undefined }[] = [];
  const modal: ModalDialog = async (kind, message, _detail, items) => {
    shown.push({ kind, message, buttons: items.map((i) => i.title), escape: items.find((i) => i.isCloseAffordance)?.title });
    assert.ok(answers.length, `no answer left for "${message}"`);
    const title = answers.shift();
    return title === undefined ? undefined : items.find((i: DialogItem) => i.title === title);
  };
  const did: string[] = [];
  const act = { copyId: async () => void did.push('copyId'), copySecret: async () => void did.push('copySecret'), remember: async () => void did.push('remember') };
  return { modal, shown, did, act };
}

describe('Rotate access key: the hand-over dialog (src/views/rotationHandOver.ts)', () => {
  it('the new key\'s dialog holds only safe choices; deleting the new key is a separate, labelled confirmation', async () => {
    const p = person(['Copy access key ID', 'Copy secret access key', 'Cancel rotation…', 'Cancel rotation (delete the new key)']);
    assert.equal(await handOverNewKey(p.modal, texts, p.act), false);
    assert.deepEqual(p.did, ['copyId', 'copySecret']);
    assert.deepEqual(p.shown[0].buttons, ['Copy access key ID', 'Copy secret access key', 'Remember the secret in VS Code', 'The partner now uses the new key', 'Cancel rotation…']);
    assert.ok(!p.shown[0].buttons.some((b) => /delete/i.test(b)), 'no delete among the copy buttons');
    const confirm = p.shown[3];
    assert.equal(confirm.kind, 'warning');
    assert.deepEqual(confirm.buttons, ['Cancel rotation (delete the new key)', 'Back to the new key']);
    assert.equal(confirm.escape, 'Back to the new key', 'Escape never deletes');
  });

  it('Escape on the new key\'s dialog asks first; going back shows the key again, and "done" keeps it', async () => {
    const p = person([undefined, undefined, 'Remember the secret in VS Code', undefined, 'Back to the new key', 'The partner now uses the new key']);
    assert.equal(await handOverNewKey(p.modal, texts, p.act), true);
    assert.deepEqual(p.shown.map((s) => s.message), ['New access key for u', texts.confirmTitle, 'New access key for u', 'New access key for u', texts.confirmTitle, 'New access key for u']);
    assert.deepEqual(p.did, ['remember']);
  });
});
