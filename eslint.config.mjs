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
    // The policy engine is shared with the CLI: it must never depend on VS Code.
    files: ['src/policy/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/policy is the engine: keep it free of vscode.' }] }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='require'][arguments.0.value='vscode']", message: 'src/policy must not load vscode.' }],
      // A pure function of its inputs: no environment switches (and process.env is slow to read).
      'no-restricted-globals': ['error', { name: 'process', message: 'src/policy is pure: pass what it needs as options.' }],
    },
  },
  {
    // The repository configuration is read by the CLI too: no vscode there either.
    files: ['src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/config is shared with the CLI: keep it free of vscode.' }] }],
    },
  },
);
