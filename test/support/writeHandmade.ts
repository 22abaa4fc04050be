/*
 * npm run fixtures:handmade [-- NAME…] — writes the hand-made corpus to test/fixtures/handmade/: each layout
 * of handmade.ts by exceljs, the ones marked `libreoffice` opened and saved again by LibreOffice
 * (so the corpus holds files written by a spreadsheet program we did not write).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAYOUTS, handmadeWorkbook } from './handmade';
import { recalcWithLibreOffice } from './libreoffice';

async function main(): Promise<void> {
  const out = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'handmade');
  mkdirSync(out, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'devis-cnc-handmade-'));
  // Only the layouts named on the command line, else all of them.
  const only = process.argv.slice(2);
  for (const [name, spec] of Object.entries(LAYOUTS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const file = `${name}.xlsx`;
    if (spec.libreoffice) {
      await handmadeWorkbook(name).xlsx.writeFile(join(scratch, file));
      recalcWithLibreOffice(join(scratch, file), out);
    } else await handmadeWorkbook(name).xlsx.writeFile(join(out, file));
    process.stdout.write(`${join(out, file)}\n`);
  }
}

void main();
