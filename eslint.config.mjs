import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Layers (README, "How it is built"; test/unit/layers.test.ts checks the arrows and cycles):
    // only src/editor, src/views and src/extension.ts may use VS Code, and nothing reaches past the
    // engine's entry points (src/policy/index.ts; src/policy/ruleDocs.ts, the rule documentation).
    files: ['src/**/*.ts'],
    ignores: ['src/policy/**', 'src/editor/**', 'src/views/**', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Only src/editor, src/views and src/extension.ts use VS Code: put the logic in src/service and an adapter in src/editor.' }],
        patterns: [{ regex: '(^|/)policy/(?!index$|ruleDocs$).+', message: 'Import the engine through its entry point (src/policy/index.ts).' }],
      }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='require'][arguments.0.value='vscode']", message: 'Only src/editor, src/views and src/extension.ts use VS Code.' }],
    },
  },
  {
    files: ['src/editor/**/*.ts', 'src/views/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)policy/(?!index$|ruleDocs$).+', message: 'Import the engine through its entry point (src/policy/index.ts).' }] }],
    },
  },
  {
    // The policy engine is shared with the CLI: it must never depend on VS Code.
    files: ['src/policy/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/policy is the engine: keep it free of vscode.' }] }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='require'][arguments.0.value='vscode']", message: 'src/policy must not load vscode.' }],
      // A pure function of its inputs: no environment switches (and process.env is slow to read).
      'no-restricted-globals': ['error', { name: 'process', message: 'src/policy is pure: pass what it needs as options.' }],
    },
  },
);
