// Packs the command line alone: the one-file build of webpack.cli.config.js, the bin script and
// a package.json without dependencies, into <out>/devis-cnc-<version>.tgz (default out: dist/).
// `npm run pack:cli` builds then packs; a CLI user installs the archive with
// `npm install -g devis-cnc-<version>.tgz` — no TypeScript, React, Fluent or exceljs to fetch.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'dist'));
const pkgDir = join(root, 'dist', 'cli-package');
const bundle = join(pkgDir, 'lib', 'main.js');
if (!existsSync(bundle)) {
  process.stderr.write(`Pas de ${bundle} : lancez « npx webpack --config webpack.cli.config.js » d'abord.\n`);
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
mkdirSync(join(pkgDir, 'bin'), { recursive: true });
copyFileSync(join(root, 'bin', 'devis-cnc.js'), join(pkgDir, 'bin', 'devis-cnc.js'));
writeFileSync(
  join(pkgDir, 'package.json'),
  `${JSON.stringify(
    {
      name: pkg.name,
      version: pkg.version,
      description: `${pkg.description} Ligne de commande seule, en un fichier.`,
      license: pkg.license,
      engines: pkg.engines,
      bin: pkg.bin,
      files: ['bin', 'lib'],
    },
    null,
    2,
  )}\n`,
);
writeFileSync(
  join(pkgDir, 'README.md'),
  [
    '# devis-cnc — ligne de commande',
    '',
    'Écrit et contrôle des classeurs de production (devis CNC, plan de financement, trésorerie,',
    'bilan carbone) en .xlsx, sans Excel.',
    '',
    '```',
    'devis-cnc new --out devis.xlsx --exemple',
    'devis-cnc audit devis.xlsx --referentiel tous',
    'devis-cnc --help',
    '```',
    '',
  ].join('\n'),
);
mkdirSync(out, { recursive: true });
const name = execFileSync('npm', ['pack', pkgDir, '--pack-destination', out, '--silent'], {
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .pop();
process.stdout.write(`${join(out, name)}\n`);
