import type ExcelJS from 'exceljs';
import type { TaskpaneHost } from '../../src/taskpane/host';
import { hostFromPort } from '../../src/taskpane/hostFromPort';
import type { ScaffoldRequest } from '../../src/workbook/scaffold';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';

/** A host over an in-memory workbook: the same scaffold the Excel host runs, through the xlsx port. */
export function workbookHost(wb: ExcelJS.Workbook): TaskpaneHost & { requests: ScaffoldRequest[] } {
  const requests: ScaffoldRequest[] = [];
  const base = hostFromPort(new XlsxPort(wb));
  return {
    ...base,
    requests,
    scaffold: (request, onProgress) => {
      requests.push(request);
      return base.scaffold(request, onProgress);
    },
  };
}
