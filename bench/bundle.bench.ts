/*
 * npm run bench — what the production build ships and what Excel loads first (gzip -9 sizes):
 * the taskpane's own chunk, functions.js, the chunks they share (loaded once by the shared
 * runtime's page), and the chunks loaded on first use of an action.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runWebpack } from '../test/support/webpack';

function main(): void {
  const out = mkdtempSync(join(tmpdir(), 'devis-cnc-bundle-'));
  const statsFile = `${out}.json`;
  runWebpack(['--mode', 'production', '--env', `outDir=${out}`, '--json', statsFile]);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as {
    entrypoints: Record<string, { assets: { name: string }[] }>;
  };
  const kb = (file: string): number => gzipSync(readFileSync(join(out, file)), { level: 9 }).length / 1000;
  const entry = (name: string): string[] => (stats.entrypoints[name]?.assets ?? []).map((a) => a.name);
  const own = (name: string): string =>
    entry(name).find((f) => f.startsWith(`${name}.`) && f.endsWith('.js')) ?? `${name}.js`;
  const sum = (list: string[]): number => list.reduce((n, f) => n + kb(f), 0);
  const page = [...new Set([...entry('taskpane'), ...entry('functions'), ...entry('commands')])].filter((f) =>
    f.endsWith('.js'),
  );
  const scripts = readdirSync(out).filter((f) => f.endsWith('.js'));
  const lazy = scripts.filter((f) => !page.includes(f));
  const fr = (n: number): string => n.toFixed(1).replace('.', ',');
  const raw = scripts.reduce((n, f) => n + statSync(join(out, f)).size, 0) / 1000;
  console.log('Build de production (ko gzip -9)');
  console.log(
    `  taskpane : son chunk ${fr(kb(own('taskpane')))} ko (plafond 170) ; avec le runtime et le chunk partagé ${fr(sum(entry('taskpane')))} ko`,
  );
  console.log(
    `  functions.js : ${fr(kb('functions.js'))} ko (plafond 35) ; avec le runtime et le chunk partagé ${fr(sum(entry('functions')))} ko`,
  );
  console.log(
    `  page du complément au premier chargement : ${fr(sum(page))} ko en ${page.length} scripts ; chargés au premier usage : ${lazy.length} chunks, ${fr(sum(lazy))} ko ; ${fr(raw)} ko de scripts non compressés en tout`,
  );
  console.log(
    `  fichiers publiés : ${readdirSync(out).length} (aperçu et cartes de sources exclus : ${
      readdirSync(out).some((f) => /preview|\.map$/.test(f)) ? 'NON' : 'oui'
    })`,
  );
}

main();
