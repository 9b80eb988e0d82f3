// The language service: every editor feature as a function of plain data (positions in, plain data
// out). The extension's adapters (src/editor) and the language server (src/server) are its only users.
export * from './types';
export * from './settings';
export * from './analysis';
export * from './documentFormat';
export * from './diagnostics';
export * from './hover';
export * from './completion';
export * from './codeActions';
export * from './codeLens';
export { bundleL10n, ENGLISH } from './l10n';
export { policyCompletionAt, stringAround } from './policyKeys';
export { ruleHeadingLines } from './ruleLinks';
export * from './protocol';
