/* eslint-disable no-undef */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const {
  functionsNamespace,
  applyNamespaceToManifest,
  applyNamespaceToMetadata,
} = require('./tools/namespace');

const { publicManifest, withHelpUrls } = require('./tools/publicUrl');

// The public address of the built add-in (normalised in tools/publicUrl.js); without it, a
// production build keeps the development address (https://localhost:3000).
const publicUrl = process.env.ADDIN_PUBLIC_URL;

/**
 * Rewrites functions.json after the metadata plugin wrote it: each function's helpUrl (its section
 * of aide.html, under the public address), and the namespace option A.
 */
class MetadataPlugin {
  constructor(ns, publicUrl) {
    this.ns = ns;
    this.publicUrl = publicUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('NamespaceMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: 'NamespaceMetadataPlugin',
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE,
        },
        () => {
          const asset = compilation.getAsset('functions.json');
          if (!asset) return;
          const json = withHelpUrls(
            applyNamespaceToMetadata(asset.source.source().toString(), this.ns),
            this.publicUrl,
          );
          compilation.updateAsset(
            'functions.json',
            new compiler.webpack.sources.RawSource(JSON.stringify(json, null, 2)),
          );
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const ns = functionsNamespace();
  const config = {
    // Source maps for development only: a production build ships none.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: ['./src/taskpane/index.tsx'],
      functions: './src/functions/functions.ts',
      commands: './src/commands/commands.ts',
      // Plain-browser preview over an in-memory workbook (headless-Chromium test, development
      // build only): never in a production build, never in the manifest.
      ...(dev ? { preview: './src/taskpane/preview.tsx' } : {}),
    },
    output: {
      path: (env && env.outDir) || path.resolve(__dirname, 'dist', 'addin'),
      clean: true,
      // Content-hashed names in production (cached for good); the manifest points at the stable
      // pages (taskpane.html, aide.html) and at functions.js, which keeps its name.
      filename: (data) =>
        dev || data.chunk.name === 'functions' ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
    },
    optimization: {
      // One webpack runtime for the page's entries: a module shared by the taskpane and the
      // functions is evaluated once, its data held once in memory.
      runtimeChunk: 'single',
      splitChunks: {
        cacheGroups: {
          // What the functions and the taskpane both use (decimal.js, the nomenclatures, the
          // factors, the domain): one file, loaded once by the shared runtime's page.
          shared: {
            name: 'shared',
            chunks: (chunk) => chunk.name === 'taskpane' || chunk.name === 'functions',
            minChunks: 2,
            enforce: true,
            priority: 10,
          },
        },
      },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: 'tsconfig.json',
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: true },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext][query]' },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new MetadataPlugin(ns, dev ? undefined : publicUrl),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'functions', 'commands'],
      }),
      // The help page the manifest's SupportUrl and « en savoir plus » point at.
      new HtmlWebpackPlugin({ filename: 'aide.html', template: './src/help/aide.html', chunks: [] }),
      ...(dev
        ? [
            new HtmlWebpackPlugin({
              filename: 'preview.html',
              template: './src/taskpane/preview.html',
              chunks: ['preview'],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext][query]' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              const xml = applyNamespaceToManifest(content.toString(), ns);
              return dev || !publicUrl ? xml : publicManifest(xml, publicUrl);
            },
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: 3000,
    },
  };
  if (env && env.WEBPACK_SERVE) {
    // Certificates only for the dev server: `npm run build` needs none.
    const devCerts = require('office-addin-dev-certs');
    config.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
