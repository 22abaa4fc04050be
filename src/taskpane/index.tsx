import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { TaskpaneHost } from './host';
import { OfficePort } from '../workbook/office/officePort';
import { hostFromPort } from './hostFromPort';

function excelHost(): TaskpaneHost {
  // Excel for Mac ignores a download started from the pane: the carbon export goes to a sheet.
  const mac = Office.context.platform === Office.PlatformType.Mac;
  // Per-line formulas are filled down by Excel where it can (ExcelApi 1.9), not sent row by row.
  const fillDown = Office.context.requirements.isSetSupported('ExcelApi', '1.9');
  return hostFromPort(new OfficePort((batch) => Excel.run(batch), { fillDown }), !mac);
}

function render(host: TaskpaneHost | null): void {
  const container = document.getElementById('container');
  if (!container) return;
  createRoot(container).render(<App host={host} />);
}

if (typeof Office === 'undefined') {
  render(null);
} else {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel ? excelHost() : null));
}
