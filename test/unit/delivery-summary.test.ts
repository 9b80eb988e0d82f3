// The delivery summariser without AWS: keys, hourly counts, gaps, thresholds and the 48-hour
// countdown, all against an injected clock.
import * as assert from 'node:assert/strict';
import { DEFAULT_THRESHOLDS, DeliveryAccumulator, HOUR, deliveryHealth, gapsOf, lastHours, parseCurrentsKey, partitionHour, partitionSegment, sumSeries } from '../../src/aws/delivery';
import { connectorReports, deliveryText, healthLine } from '../../src/aws/delivery/report';

const NOW = Date.UTC(2026, 11, 3, 10, 25); // 2026-12-03 10:25 UTC
const CONNECTOR = 'dataexport.prod-01.S3.integration.5f0c2a7d91e3b4001a2b3c4d';
const key = (type: string, hour: number, n = 0, folder = 'currents/') => `${folder}${CONNECTOR}/event_type=${type}/date=${partitionSegment(hour).slice(5)}/336/prod-01/${CONNECTOR}+0+${n}.avro`;
const hoursAgo = (h: number) => Math.floor(NOW / HOUR) * HOUR - h * HOUR;

describe('delivery: Currents keys', () => {
  it('reads the connector, event type and UTC hour from the key alone', () => {
    const k = `currents/${CONNECTOR}/event_type=users.messages.email.Send/date=2026-11-24-09/336/prod-01/x.avro`;
    assert.deepEqual(parseCurrentsKey(k, 'currents/'), { connector: CONNECTOR, eventType: 'users.messages.email.Send', hour: Date.UTC(2026, 10, 24, 9) });
    assert.equal(parseCurrentsKey(k.slice('currents/'.length), '')?.hour, Date.UTC(2026, 10, 24, 9), 'a folder at the bucket root');
  });
  it('refuses keys that are not in the layout', () => {
    assert.equal(parseCurrentsKey(`currents/${CONNECTOR}/event_type=x/not-a-date/f.avro`, 'currents/'), undefined);
    assert.equal(parseCurrentsKey(`currents/other/event_type=x/date=2026-11-24-09/f.avro`, 'currents/'), undefined);
    assert.equal(parseCurrentsKey(`currents/${CONNECTOR}/x/date=2026-11-24-09/f.avro`, 'currents/'), undefined);
    assert.equal(partitionHour('date=2026-13-01-00'), undefined);
    assert.equal(partitionHour('date=2026-12-01-24'), undefined);
  });
  it('writes the partition segment back (the listing starts after it)', () => {
    assert.equal(partitionSegment(Date.UTC(2026, 0, 5, 7)), 'date=2026-01-05-07');
    assert.equal(partitionHour(partitionSegment(Date.UTC(2026, 0, 5, 7))), Date.UTC(2026, 0, 5, 7));
  });
});

describe('delivery: thresholds and the 48-hour countdown', () => {
  it('is delivering up to the quiet threshold, counting from the end of the newest hour', () => {
    // Newest file in the 10:00 partition, now 10:25: the hour is not over, age 0.
    assert.deepEqual(deliveryHealth(hoursAgo(0), NOW), { state: 'delivering', ageHours: 0 });
    // 04:00 partition ends 05:00; at 10:25 that is 5 full hours.
    assert.deepEqual(deliveryHealth(hoursAgo(6), NOW), { state: 'delivering', ageHours: 5 });
    assert.deepEqual(deliveryHealth(hoursAgo(7), NOW), { state: 'delivering', ageHours: 6 });
  });
  it('is quiet past quietHours and up to stoppedHours', () => {
    assert.deepEqual(deliveryHealth(hoursAgo(8), NOW), { state: 'quiet', ageHours: 7 });
    assert.deepEqual(deliveryHealth(hoursAgo(25), NOW), { state: 'quiet', ageHours: 24 });
  });
  it('is stopped past stoppedHours, with the hours left before the drop window ends', () => {
    assert.deepEqual(deliveryHealth(hoursAgo(26), NOW), { state: 'stopped', ageHours: 25, hoursLeft: 23 });
    assert.deepEqual(deliveryHealth(hoursAgo(31), NOW), { state: 'stopped', ageHours: 30, hoursLeft: 18 });
    assert.deepEqual(deliveryHealth(hoursAgo(60), NOW), { state: 'stopped', ageHours: 59, hoursLeft: 0 });
  });
  it('counts down as the clock moves', () => {
    const stoppedAt = hoursAgo(31);
    const left = [0, 5, 17].map((h) => deliveryHealth(stoppedAt, NOW + h * HOUR).hoursLeft);
    assert.deepEqual(left, [18, 13, 1]);
  });
  it('follows the settings (Braze has changed the window over time)', () => {
    const t = { quietHours: 2, stoppedHours: 12, dropWindowHours: 72 };
    assert.equal(deliveryHealth(hoursAgo(4), NOW, t).state, 'quiet');
    assert.deepEqual(deliveryHealth(hoursAgo(31), NOW, t), { state: 'stopped', ageHours: 30, hoursLeft: 42 });
  });
  it('is stopped with nothing left when no file was found in the window', () => {
    assert.deepEqual(deliveryHealth(undefined, NOW), { state: 'stopped', hoursLeft: 0 });
  });
  it('says what to check and how long is left, in English and Spanish', () => {
    const h = deliveryHealth(hoursAgo(31), NOW);
    const en = healthLine(h, hoursAgo(31), 168, DEFAULT_THRESHOLDS, 'en');
    assert.match(en, /STOPPED · newest file 30 hours ago \(2026-12-02 03:00 UTC\) · 18 hours left before Currents drops/);
    assert.match(en, /access key's age and last use, the role's trust policy, and run Test credentials/);
    const es = healthLine(deliveryHealth(hoursAgo(48), NOW), hoursAgo(48), 168, DEFAULT_THRESHOLDS, 'es');
    assert.match(es, /DETENIDO · archivo más reciente hace 47 horas .* queda 1 hora antes/);
    assert.match(healthLine(deliveryHealth(hoursAgo(10), NOW), hoursAgo(10), 168, DEFAULT_THRESHOLDS, 'en'), /quiet · .* quiet on a quiet workspace/);
  });
});

describe('delivery: hourly counts and gaps', () => {
  it('counts files and bytes per event type and hour, from the partition in the key', () => {
    const acc = new DeliveryAccumulator(NOW, 48);
    const add = (type: string, h: number, size: number, n = 0) => {
      const k = key(type, hoursAgo(h), n);
      acc.add(parseCurrentsKey(k, 'currents/')!, { key: k, size });
    };
    add('users.messages.email.Send', 0, 100);
    add('users.messages.email.Send', 0, 50, 1);
    add('users.messages.email.Send', 3, 10);
    add('users.behaviors.CustomEvent', 47, 7);
    add('users.behaviors.CustomEvent', 48, 999); // before the window: newest-hour only, not counted
    const [c] = acc.summaries();
    assert.equal(c.connector, CONNECTOR);
    assert.equal(c.newestHour, hoursAgo(0));
    assert.deepEqual(c.eventTypes.map((e) => [e.eventType, e.files, e.bytes]), [['users.behaviors.CustomEvent', 1, 7], ['users.messages.email.Send', 3, 160]]);
    const send = c.eventTypes[1].series;
    assert.equal(send.files.length, 48);
    assert.equal(send.files[47], 2);
    assert.equal(send.bytes[47], 150);
    assert.equal(send.files[44], 1);
    assert.equal(c.eventTypes[0].series.files[0], 1, 'the window starts 47 hours before the current hour');
    assert.equal(c.newestObjects[0].key, key('users.messages.email.Send', hoursAgo(0), 1));
  });
  it('keeps only the newest files, newest first, whatever the listing order', () => {
    const acc = new DeliveryAccumulator(NOW, 48);
    for (const h of [5, 40, 1, 30, 2, 20, 3, 10, 4, 0, 12, 13, 14, 15, 16, 17, 18, 19]) {
      const k = key('t', hoursAgo(h));
      acc.add(parseCurrentsKey(k, 'currents/')!, { key: k, size: 1 });
    }
    const newest = acc.summaries()[0].newestObjects;
    assert.equal(newest.length, 15);
    assert.deepEqual(newest.slice(0, 4).map((o) => parseCurrentsKey(o.key, 'currents/')!.hour), [0, 1, 2, 3].map(hoursAgo));
    assert.ok(!newest.some((o) => o.key === key('t', hoursAgo(40))), 'the oldest are dropped');
  });
  it('finds runs of empty hours, the last one open', () => {
    const start = hoursAgo(9);
    assert.deepEqual(gapsOf([1, 0, 0, 2, 0, 1, 1, 0, 0, 0], start), [
      { from: start + HOUR, hours: 2, open: false },
      { from: start + 4 * HOUR, hours: 1, open: false },
      { from: start + 7 * HOUR, hours: 3, open: true },
    ]);
    assert.deepEqual(gapsOf([1, 0, 0, 2, 0, 1], start, 2), [{ from: start + HOUR, hours: 2, open: false }]);
    assert.deepEqual(gapsOf([1, 1], start), []);
  });
  it('sums event types and cuts the last hours of a series', () => {
    const total = sumSeries([{ files: [1, 0, 2], bytes: [10, 0, 20] }, { files: [0, 3, 1], bytes: [0, 30, 5] }], 3);
    assert.deepEqual(total, { files: [1, 3, 3], bytes: [10, 30, 25] });
    assert.deepEqual(lastHours(total, 2), { files: [3, 3], bytes: [30, 25] });
  });
  it('prints the 48 hours with the gaps folded, and a stopped connector first says so', () => {
    const acc = new DeliveryAccumulator(NOW, 168);
    for (let h = 31; h < 48; h++) {
      const k = key('users.messages.email.Send', hoursAgo(h), h);
      acc.add(parseCurrentsKey(k, 'currents/')!, { key: k, size: 2048 });
    }
    const d = { bucket: 'b', folder: 'currents', now: NOW, start: acc.start, hours: 168, connectors: acc.summaries(), listed: 17, requests: 4 };
    const reports = connectorReports(d, (n) => deliveryHealth(n, NOW));
    assert.equal(reports[0].files48h, 17);
    assert.equal(reports[0].hourly.length, 48);
    assert.equal(reports[0].hourly.at(-1)!.hour, new Date(hoursAgo(0)).toISOString());
    assert.equal(reports[0].health.hoursLeft, 18);
    const text = deliveryText(d, reports, DEFAULT_THRESHOLDS, 'en');
    assert.match(text, /^✗ s3:\/\/b\/currents\/dataexport\.prod-01/);
    assert.match(text, /last 48 h: 17 files, 34\.0 KB/);
    assert.match(text, /2026-12-02 03:00     1  2.0 KB\n    2026-12-02 04:00  … 31 hours without files$/);
  });
});
