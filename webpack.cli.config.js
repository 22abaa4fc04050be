/* eslint-disable no-undef */
const path = require('node:path');

/**
 * The command line in one file (its code, decimal.js, exceljs and the data), for an install that
 * needs neither TypeScript nor the add-in's packages: `npm run pack:cli` packs it with
 * scripts/pack-cli.mjs into dist/devis-cnc-cli-<version>.tgz.
 */
module.exports = {
  mode: 'production',
  target: 'node20',
  entry: './src/cli/main.ts',
  output: {
    path: path.resolve(__dirname, 'dist', 'cli-package', 'lib'),
    filename: 'main.js',
    library: { type: 'commonjs2' },
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json' } },
      },
    ],
  },
  // Readable stack traces if a user reports a crash; the file stays a few megabytes.
  optimization: { minimize: false },
  devtool: false,
  performance: { hints: false },
};
