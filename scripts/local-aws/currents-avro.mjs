// Real Avro files shaped like Braze Currents' storage events, for the demo and the tests: the
// schemas follow the public Currents event glossary (field names of the flat-file events sent to
// Amazon S3), the files are Avro object container files written with avsc (pure JavaScript), and
// the keys follow Currents' layout:
//   <folder>/dataexport.<cluster>.S3.integration.<24-hex id>/event_type=<type>/date=YYYY-MM-DD-HH/<n>/<cluster>/<name>.avro
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const avro = require('avsc');

const str = (name) => ({ name, type: 'string' });
const opt = (name, type = 'string') => ({ name, type: ['null', type], default: null });

/** The user part every Currents event carries. */
const USER = [str('id'), str('user_id'), opt('external_user_id'), opt('device_id'), str('app_group_id'), { name: 'time', type: 'int' }, opt('timezone')];
const CAMPAIGN = [opt('campaign_id'), opt('campaign_name'), opt('message_variation_id'), opt('message_variation_name')];
const CANVAS = [opt('canvas_id'), opt('canvas_name'), opt('canvas_variation_id'), opt('canvas_variation_name'), opt('canvas_step_id'), opt('canvas_step_name')];

/** Currents event type → its Avro writer schema. */
export const CURRENTS_SCHEMAS = {
  'users.messages.email.Send': {
    type: 'record', name: 'EmailSend', namespace: 'com.braze.currents.users.messages.email',
    fields: [...USER, ...CAMPAIGN, ...CANVAS, opt('send_id'), opt('dispatch_id'), str('email_address'), opt('ip_pool'), opt('message_extras')],
  },
  'users.messages.email.Open': {
    type: 'record', name: 'EmailOpen', namespace: 'com.braze.currents.users.messages.email',
    fields: [...USER, ...CAMPAIGN, ...CANVAS, opt('send_id'), opt('dispatch_id'), str('email_address'), opt('user_agent'), opt('ip_pool'), opt('machine_open')],
  },
  'users.behaviors.CustomEvent': {
    type: 'record', name: 'CustomEvent', namespace: 'com.braze.currents.users.behaviors',
    fields: [...USER, opt('app_id'), str('name'), opt('platform'), opt('os_version'), opt('device_model'), opt('properties')],
  },
  'users.campaigns.Conversion': {
    type: 'record', name: 'Conversion', namespace: 'com.braze.currents.users.campaigns',
    fields: [...USER, opt('app_id'), ...CAMPAIGN, { name: 'conversion_behavior_index', type: ['null', 'int'], default: null }, opt('conversion_behavior'), opt('send_id')],
  },
};

export const CURRENTS_EVENT_TYPES = Object.keys(CURRENTS_SCHEMAS);

/** A small deterministic generator: the same seed gives the same files (tests compare them). */
export function random(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

const hex = (rnd, n) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

const APP_GROUP = '7c1e4a3b-2f9d-4e61-9b0a-5d3c2e1f0a9b';
const CAMPAIGNS = ['Winter sale', 'Welcome series', 'Cart reminder'].map((name, i) => ({ id: `64f1${String(i).padStart(20, '0')}`, name }));
const USERS = Array.from({ length: 40 }, (_, i) => ({ user_id: `5fa2${String(i).padStart(20, '0')}`, external_user_id: `customer-${1000 + i}`, email: `customer${1000 + i}@example.com`, tz: pick(random(i + 7), ['Europe/Madrid', 'America/New_York', 'America/Mexico_City', 'UTC']) }));

/** One record of `eventType` at `time` (seconds, UTC). */
export function currentsRecord(eventType, time, rnd) {
  const u = pick(rnd, USERS);
  const c = pick(rnd, CAMPAIGNS);
  const base = { id: `${hex(rnd, 8)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 12)}`, user_id: u.user_id, external_user_id: u.external_user_id, device_id: null, app_group_id: APP_GROUP, time, timezone: u.tz };
  const campaign = { campaign_id: c.id, campaign_name: c.name, message_variation_id: `${c.id.slice(0, 8)}-v1`, message_variation_name: 'Variant 1' };
  const noCanvas = { canvas_id: null, canvas_name: null, canvas_variation_id: null, canvas_variation_name: null, canvas_step_id: null, canvas_step_name: null };
  switch (eventType) {
    case 'users.messages.email.Send':
      return { ...base, ...campaign, ...noCanvas, send_id: null, dispatch_id: hex(rnd, 24), email_address: u.email, ip_pool: 'marketing', message_extras: null };
    case 'users.messages.email.Open':
      return { ...base, ...campaign, ...noCanvas, send_id: null, dispatch_id: hex(rnd, 24), email_address: u.email, user_agent: pick(rnd, ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)']), ip_pool: 'marketing', machine_open: rnd() < 0.3 ? 'true' : null };
    case 'users.behaviors.CustomEvent':
      return { ...base, app_id: 'a1b2c3d4-web', name: pick(rnd, ['viewed_product', 'added_to_cart', 'started_checkout']), platform: pick(rnd, ['web', 'ios', 'android']), os_version: null, device_model: null, properties: JSON.stringify({ sku: `SKU-${Math.floor(rnd() * 900) + 100}` }) };
    case 'users.campaigns.Conversion':
      return { ...base, app_id: 'a1b2c3d4-web', ...campaign, conversion_behavior_index: Math.floor(rnd() * 2), conversion_behavior: JSON.stringify({ type: 'purchase' }), send_id: null };
    default:
      throw new Error(`no demo schema for ${eventType}`);
  }
}

/** An Avro object container file (Buffer) holding `records` with `codec` ('null' or 'deflate'). */
export function avroFile(schema, records, codec = 'deflate') {
  const type = avro.Type.forSchema(schema);
  return new Promise((resolve, reject) => {
    const chunks = [];
    const encoder = new avro.streams.BlockEncoder(type, { codec });
    encoder.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    for (const r of records) encoder.write(r);
    encoder.end();
  });
}

const two = (n) => String(n).padStart(2, '0');

/** Currents' key for a file of `eventType` in the partition of `hour` (ms). */
export function currentsKey(folder, connector, eventType, hour, n) {
  const d = new Date(hour);
  const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}-${two(d.getUTCHours())}`;
  const cluster = connector.split('.')[1];
  return `${folder ? `${folder}/` : ''}${connector}/event_type=${eventType}/date=${date}/${336 + (n % 7)}/${cluster}/${connector}+${n % 2}+${2210 + n}.avro`;
}

/**
 * The files of one connector: for each hour in `hoursAgo` (counted back from the current UTC hour
 * of `now`) and each event type, one Avro file of a few dozen records timed inside that hour.
 */
export async function connectorFiles({ folder, connector, now, hoursAgo, eventTypes = CURRENTS_EVENT_TYPES, codec = 'deflate', seed = 1 }) {
  const rnd = random(seed);
  const current = Math.floor(now / 3_600_000) * 3_600_000;
  const files = [];
  let n = 0;
  for (const ago of hoursAgo) {
    const hour = current - ago * 3_600_000;
    for (const eventType of eventTypes) {
      const count = 10 + Math.floor(rnd() * 40);
      const records = Array.from({ length: count }, () => currentsRecord(eventType, Math.floor((hour + rnd() * Math.min(3_600_000, now - hour || 1)) / 1000), rnd));
      files.push({ key: currentsKey(folder, connector, eventType, hour, n++), body: await avroFile(CURRENTS_SCHEMAS[eventType], records, codec), records: count });
    }
  }
  return files;
}
