import { audit } from '../audit/audit';
import { reportPlan, reportSheetName } from '../audit/reportSheet';
import { readState, saveState } from '../audit/state';
import type { WorkbookPort } from '../workbook/port';
import { scaffold } from '../workbook/scaffold';
import { addSource } from '../workbook/sources';
import { carbonCsv } from '../workbook/carbonCsv';
import type { TaskpaneHost } from './host';

/** The taskpane's host over any workbook port: Office.js in Excel, exceljs in the preview page and tests. */
export function hostFromPort(port: WorkbookPort): TaskpaneHost {
  return {
    scaffold: (request, onProgress) => scaffold(port, request, onProgress),
    addSource: (source, suffix) => addSource(port, source, suffix),
    exportCarbonCsv: (suffix) => carbonCsv(port, suffix),
    audit: (referentiel, suffix) => audit(port, referentiel, suffix),
    selectCell: (sheet, address) => port.selectCell(sheet, address),
    readState: () => readState(port),
    saveState: (state) => saveState(port, state),
    writeReport: async (report, state) => {
      const name = reportSheetName(await port.inventory());
      await port.applyPlan(reportPlan(name, report, state, new Date()));
      return name;
    },
  };
}
