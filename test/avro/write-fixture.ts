// Writes the sample workspace's Currents Avro file (test/fixtures/workspace/currents-export/), opened
// by the host tests, the UI check and `npm start`: npx tsx test/avro/write-fixture.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMAIL_SEND_SCHEMA, emailSends, writeAvro } from './currents';

export const FIXTURE_RECORDS = 1250;
export const FIXTURE = 'test/fixtures/workspace/currents-export/users.messages.email.Send.avro';

if (require.main === module) {
  void writeAvro(EMAIL_SEND_SCHEMA, emailSends(FIXTURE_RECORDS), 'deflate', 16 * 1024).then((buf) => {
    const root = join(__dirname, '..', '..');
    mkdirSync(join(root, 'test/fixtures/workspace/currents-export'), { recursive: true });
    writeFileSync(join(root, FIXTURE), buf);
    console.log(`${FIXTURE}: ${FIXTURE_RECORDS} records, ${buf.length} bytes`);
  });
}
