import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'demo/**', 'coverage/**', 'bin/**', 'scripts/**', '*.config.js', '*.config.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // Office.js load/sync discipline on the code that talks to Excel.
    files: ['src/workbook/office/**', 'src/taskpane/**', 'src/functions/**', 'src/commands/**'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    files: ['bench/**', 'src/cli/**'],
    rules: { 'no-console': 'off' },
  },
);
