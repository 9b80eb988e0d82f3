// The engine's public surface (no 'vscode' import anywhere under src/policy).
export { analyze, DEFAULT_MAX_LENGTH } from './analyze';
export { fixAll } from './fixAll';
export { applyEdits } from './edits';
export { KEPT_ON_UNKNOWN, RULES, RULE_CODES, RULE_SUMMARIES } from './codes';
export type { RuleCode } from './codes';
export { LineIndex } from './ranges';
export type { Position } from './ranges';
export { evaluate, compileStatements } from './evaluate';
export { parsePolicy } from './parse';
export { catalog } from './catalog/catalog';
export * from './integration';
export * from './templates';
export * from './arn';
export { messages } from './messages';
export { NEVER_POLICY_FILE, SNIFF_CHARS, looksLikePolicy } from './sniff';
export type * from './types';
export * from './placement';
// What the language service (src/service) needs beside the analysis: hover, completion, plurals.
export { hasWildcard } from './wildcard';
export { CONDITION_OPERATORS } from './rules/conditions';
export { isOne, plural } from './plural';
// What the readers, the repository configuration, the CLI and the editor's commands use.
export { jsonWriter } from './edits';
export type { EditWriter } from './edits';
export type { PolicyModel } from './parse';
export { closest } from './suggest';
export { documentKind } from './kind';
export { exportTargetOf } from './exportTarget';
