import type { WorkbookPlan } from './model/plan';

/** A formula without its string literals (a word inside quotes is not a reference). */
const withoutStrings = (formula: string): string => formula.replace(/"(?:[^"]|"")*"/g, '""');

/** The sheets a formula reads directly: 'Devis'!A5, Devis!A5. */
function sheetsIn(formula: string): string[] {
  const out: string[] = [];
  for (const m of formula.matchAll(/'((?:[^']|'')+)'!|([A-Za-zÀ-ÿ_][\wÀ-ÿ.]*)!/g))
    out.push((m[1] ?? m[2] ?? '').replace(/''/g, "'"));
  return out;
}

/**
 * The plan of the sheets asked for and of every sheet they read, however indirectly: a formula
 * or a list that uses a workbook name reads the sheet that name is on, a reference 'Devis'!A5
 * reads Devis. The workbook stays whole: no formula of a sheet kept points to a sheet left out.
 * Sheets keep the plan's order; `added` lists those kept because another reads them.
 */
export function selectSheets(
  plan: WorkbookPlan,
  wanted: readonly string[],
): { plan: WorkbookPlan; added: string[] } {
  const owner = new Map(plan.names.map((n) => [n.name.toLowerCase(), n.sheet]));
  const byName = new Map(plan.sheets.map((s) => [s.name.toLowerCase(), s]));
  const reads = (sheet: string): Set<string> => {
    const s = byName.get(sheet.toLowerCase());
    const out = new Set<string>();
    if (!s) return out;
    const formulas = [
      ...s.cells.map((c) => c.formula ?? ''),
      ...s.validations.map((v) => v.listName ?? ''),
    ].map(withoutStrings);
    for (const f of formulas) {
      for (const word of f.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? []) {
        const o = owner.get(word.toLowerCase());
        if (o) out.add(o);
      }
      for (const name of sheetsIn(f))
        if (byName.has(name.toLowerCase())) out.add(byName.get(name.toLowerCase())?.name ?? name);
    }
    return out;
  };
  const kept = new Set(wanted);
  const queue = [...wanted];
  for (let sheet = queue.shift(); sheet !== undefined; sheet = queue.shift())
    for (const other of reads(sheet))
      if (!kept.has(other)) {
        kept.add(other);
        queue.push(other);
      }
  const sheets = plan.sheets.filter((s) => kept.has(s.name));
  return {
    plan: {
      sheets,
      names: plan.names.filter((n) => kept.has(n.sheet)),
      charts: plan.charts.filter((c) => kept.has(c.sheet)),
    },
    added: sheets.map((s) => s.name).filter((n) => !wanted.includes(n)),
  };
}
