import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { TaskpaneHost } from './host';
import { OfficePort } from '../workbook/office/officePort';
import { scaffold } from '../workbook/scaffold';
import { addSource } from '../workbook/sources';
import { carbonCsv } from '../workbook/carbonCsv';

function excelHost(): TaskpaneHost {
  const port = new OfficePort((batch) => Excel.run(batch));
  return {
    scaffold: (request, onProgress) => scaffold(port, request, onProgress),
    addSource: (source, suffix) => addSource(port, source, suffix),
    exportCarbonCsv: (suffix) => carbonCsv(port, suffix),
  };
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
