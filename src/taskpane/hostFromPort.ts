import type { WorkbookPort } from '../workbook/port';
import type { TaskpaneHost } from './host';

/**
 * The taskpane's host over any workbook port: Office.js in Excel, exceljs in the preview page and
 * tests. Each action loads its code when first used (the sheets' layouts and examples, the rules
 * and référentiels): the first screen does not wait for them.
 */
export function hostFromPort(port: WorkbookPort, canDownload = true): TaskpaneHost {
  return {
    canDownload,
    exportCarbonSheet: async (suffix) =>
      (await import(/* webpackChunkName: "export-carbone" */ '../workbook/carbonCsv')).carbonSheet(
        port,
        suffix,
      ),
    scaffold: async (request, onProgress) =>
      (await import(/* webpackChunkName: "ecriture" */ '../workbook/scaffold')).scaffold(
        port,
        request,
        onProgress,
      ),
    expenseCodes: async (suffix) =>
      (
        await (
          await import(/* webpackChunkName: "depenses" */ '../workbook/expensesImport')
        ).readLedger(port, suffix)
      ).labels,
    addExpense: async (expense, suffix) => {
      const { appendExpenses } = await import(
        /* webpackChunkName: "depenses" */ '../workbook/expensesImport'
      );
      const { sheet, rows } = await appendExpenses(port, [expense], suffix);
      return { sheet, row: rows[0] ?? 0 };
    },
    followUp: async (suffix) =>
      (await import(/* webpackChunkName: "suivi" */ '../workbook/followUp')).readFollowUp(port, suffix),
    addSource: async (source, suffix) =>
      (await import(/* webpackChunkName: "sources" */ '../workbook/sources')).addSource(port, source, suffix),
    exportCarbonCsv: async (suffix) =>
      (await import(/* webpackChunkName: "export-carbone" */ '../workbook/carbonCsv')).carbonCsv(
        port,
        suffix,
      ),
    audit: async (referentiel, suffix, onProgress) =>
      (await import(/* webpackChunkName: "controle" */ '../audit/audit')).audit(
        port,
        referentiel,
        suffix,
        onProgress,
      ),
    selectCell: (sheet, address) => port.selectCell(sheet, address),
    sheets: async () =>
      (await import(/* webpackChunkName: "comparaison" */ '../workbook/compareSheets')).sheetNames(port),
    compareSheets: async (before, after) =>
      (await import(/* webpackChunkName: "comparaison" */ '../workbook/compareSheets')).compareDevisSheets(
        port,
        before,
        after,
      ),
    readiness: async (suffix) => {
      const [{ makeNaming }, { FINANCING_NAMES }, { CARBON_NAMES }, { EXPENSE_NAMES }, { FOLLOWUP_NAMES }] =
        await Promise.all([
          import(/* webpackChunkName: "sources" */ '../sheets/model/naming'),
          import(/* webpackChunkName: "sources" */ '../sheets/financing/contract'),
          import(/* webpackChunkName: "sources" */ '../sheets/carbon/contract'),
          import(/* webpackChunkName: "sources" */ '../sheets/expenses/contract'),
          import(/* webpackChunkName: "sources" */ '../sheets/followup/contract'),
        ]);
      // The workbook names the actions write through, as the scaffold named them (suffixed beside).
      const names = new Set((await port.inventory()).names.map((n) => n.toLowerCase()));
      const has = (base: string): boolean => names.has(makeNaming(suffix).name(base).toLowerCase());
      return {
        financing: has(FINANCING_NAMES.table),
        carbon: has(CARBON_NAMES.lines),
        expenses: has(EXPENSE_NAMES.lines),
        followUp: has(FOLLOWUP_NAMES.top),
      };
    },
    readState: async () =>
      (await import(/* webpackChunkName: "etat-controle" */ '../audit/state')).readState(port),
    saveState: async (state) =>
      (await import(/* webpackChunkName: "etat-controle" */ '../audit/state')).saveState(port, state),
    convert: async () => {
      const { convertDevis, conversionLines } = await import(
        /* webpackChunkName: "ecriture" */ '../workbook/convert'
      );
      const conversion = await convertDevis(port);
      if ('refused' in conversion) return conversion;
      const { scaffold } = await import(/* webpackChunkName: "ecriture" */ '../workbook/scaffold');
      const outcome = await scaffold(port, {
        format: conversion.format,
        example: false,
        onConflict: 'beside',
        budget: conversion.budget,
      });
      if (outcome.status !== 'done') return { refused: outcome.message };
      return {
        sheets: outcome.sheets,
        suffix: outcome.suffix,
        lines: conversionLines(conversion, 'ce classeur', `feuilles ${outcome.sheets.join(', ')}`),
      };
    },
    existingReport: async () =>
      (await import(/* webpackChunkName: "rapport" */ '../audit/reportSheet')).existingReport(port),
    writeReport: async (report, state, replace) => {
      const { existingReport, reportPlan, reportSheetName } = await import(
        /* webpackChunkName: "rapport" */ '../audit/reportSheet'
      );
      // Only over a report of ours, checked again at the moment of writing.
      if (replace && (await existingReport(port)) !== replace)
        throw new Error(`La feuille « ${replace} » n’est plus un rapport Devis CNC : rien n’a été écrit.`);
      if (replace) await port.clearSheet(replace);
      const name = replace ?? reportSheetName(await port.inventory());
      await port.applyPlan(reportPlan(name, report, state, new Date()));
      return name;
    },
  };
}
