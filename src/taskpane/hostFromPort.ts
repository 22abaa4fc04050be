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
    addSource: async (source, suffix) =>
      (await import(/* webpackChunkName: "sources" */ '../workbook/sources')).addSource(port, source, suffix),
    exportCarbonCsv: async (suffix) =>
      (await import(/* webpackChunkName: "export-carbone" */ '../workbook/carbonCsv')).carbonCsv(
        port,
        suffix,
      ),
    audit: async (referentiel, suffix) =>
      (await import(/* webpackChunkName: "controle" */ '../audit/audit')).audit(port, referentiel, suffix),
    selectCell: (sheet, address) => port.selectCell(sheet, address),
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
        lines: conversionLines(conversion, 'ce classeur', `feuilles ${outcome.sheets.join(', ')}`),
      };
    },
    writeReport: async (report, state) => {
      const { reportPlan, reportSheetName } = await import(
        /* webpackChunkName: "rapport" */ '../audit/reportSheet'
      );
      const name = reportSheetName(await port.inventory());
      await port.applyPlan(reportPlan(name, report, state, new Date()));
      return name;
    },
  };
}
