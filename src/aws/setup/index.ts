// Set up the export in this account (CloudFormation), without vscode: shared by the extension and the CLI.
export * from './answers';
export * from './plan';
export * from './stack';
export * from './run';
export * from './teardown';
export * from './permissions';
export { setupMessages } from './messages';
export type { SetupMessages } from './messages';
