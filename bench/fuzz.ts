/*
 * `npm run fuzz -- --runs N [--seed S]`: the audit fuzzer of test/support/fuzzAudit.ts, longer than
 * the short run in `npm test`. Prints the run count and the time; exits 1 with the counter-example.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { fuzzAudit } from '../test/support/fuzzAudit';

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string' } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs attend un entier positif (reçu « ${values.runs} »)`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const t0 = performance.now();
  await fuzzAudit(runs, seed);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `Fuzz du contrôle : ${runs} classeurs (exemples mutés et classeurs aléatoires), aucun plantage, rapports identiques deux fois et par exceljs, constats situés, fichiers intacts (${s} s)`,
  );
}

run().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
