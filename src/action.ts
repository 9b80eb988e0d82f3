// dist/action.js: the GitHub Action's entry point (action.yml); see src/cli/action.ts.
import { runAction } from './cli/action';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

void runAction(process.env, VERSION, (s) => process.stdout.write(s + '\n')).then((code) => {
  process.exitCode = code;
});
