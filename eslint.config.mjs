import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'demo/**',
      'coverage/**',
      'bin/**',
      'scripts/**',
      '*.config.js',
      '*.config.mjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
      // Port methods are async by interface even where an adapter has nothing to await (exceljs
      // in memory), and React tests wrap synchronous events in \`act(async …)\`.
      '@typescript-eslint/require-await': 'off',
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
    // Layers (docs/architecture.md): the domain depends on nothing else of ours.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/sheets/**',
                '**/workbook/**',
                '**/rules/**',
                '**/audit/**',
                '**/taskpane/**',
                '**/cli/**',
                '**/functions/**',
              ],
              message: 'Le domaine ne dépend d’aucune autre couche.',
            },
          ],
        },
      ],
    },
  },
  {
    // Readers of a sheet go through its contract and reader, never through its layout.
    files: [
      'src/rules/**',
      'src/audit/**',
      'src/workbook/**',
      'src/cli/**',
      'src/taskpane/**',
      'src/functions/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sheets/*/layout'],
              message:
                'Lisez une feuille par son contrat (contract.ts) et son lecteur (reader.ts), pas par sa mise en page.',
            },
          ],
        },
      ],
    },
  },
  {
    // Layouts place what the domain computed (src/sheets/production.ts): they call no computation.
    files: ['src/sheets/*/layout.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/**'],
              importNamePattern: '^(compute|build)[A-Z]',
              message:
                'Une mise en page place le modèle calculé (src/sheets/production.ts) : elle n’appelle pas le calcul du domaine.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bench/**', 'src/cli/**'],
    rules: { 'no-console': 'off' },
  },
);
