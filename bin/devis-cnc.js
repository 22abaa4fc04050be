#!/usr/bin/env node
'use strict';
// Entry point of the devis-cnc command line. In the repository, the TypeScript sources are
// compiled to dist/ by `npm run build:cli` (run by `npm ci` through the "prepare" script); in the
// CLI-only package (`npm run pack:cli`), the whole command is one file, lib/main.js.
const path = require('node:path');
const fs = require('node:fs');
const entry = [
  path.join(__dirname, '..', 'lib', 'main.js'),
  path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js'),
].find((f) => fs.existsSync(f));
if (!entry) {
  process.stderr.write('devis-cnc n’est pas compilé : lancez « npm run build:cli ».\n');
  process.exit(2);
}
// A reader that closes the pipe early (`devis-cnc audit x.xlsx | head -1`) ends our output, not the
// command: stop writing, print no trace, keep the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED')) return;
    throw e;
  });
}
// A command whose work stopped without an answer (nothing left to wait for) must not end with
// code 0 as if all went well.
let settled = false;
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  process.stderr.write('Erreur inattendue : la commande s’est arrêtée avant d’avoir fini.\n');
  process.exitCode = 1;
});
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    settled = true;
    process.exitCode = code;
  });
