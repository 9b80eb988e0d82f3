// The AWS half, bundled separately (dist/aws.js) and loaded on first use.
export * from './connection';
export * from './endpoint';
export * from './errors';
export * from './buckets';
export * from './roles';
export * from './report';
export * from './testCredentials';
export * from './verifyRole';
export { liveMessages } from './messages';
export * from './users';
export * from './rotation';
export * from './delivery';
export * from './exports';
export * from './objects';
export * from './setup';
