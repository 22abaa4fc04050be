/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // office-addin-mock needs only the OfficeApp enum of office-addin-manifest; its main entry pulls
  // an ESM-only dependency jest cannot load, so point it at the enum module itself.
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  setupFiles: ['<rootDir>/test/support/jsdomSetup.ts'],
  testTimeout: 30000,
  // Every core: jest's default keeps one for itself, which runs the suites one by one on a 2-core
  // machine, though most of their time is spent waiting for LibreOffice, Chromium or a spawned CLI
  // (measured on 2 cores: 399 s instead of 650 s for the 68 suites).
  maxWorkers: '100%',
};
