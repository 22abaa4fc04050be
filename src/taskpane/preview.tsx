/*
 * Aperçu hors Excel : the same App, with the scaffold applied to an in-memory workbook through
 * the xlsx port instead of Office.js. The headless-Chromium test drives this page as a person
 * would; it also serves UI work in a plain browser. The manifest never points at it.
 */
import ExcelJS from 'exceljs';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { TaskpaneHost } from './host';
import { hostFromPort } from './hostFromPort';
import { XlsxPort } from '../workbook/xlsx/xlsxPort';

const workbook = new ExcelJS.Workbook();
if (new URLSearchParams(window.location.search).has('devis-existant')) {
  workbook.addWorksheet('Devis').getCell('B2').value = 'Devis saisi à la main';
}
const port = new XlsxPort(workbook);
const host: TaskpaneHost = hostFromPort(port);

/** What the in-memory workbook holds, for the browser test. */
(window as unknown as { previewSheets: () => string[] }).previewSheets = () =>
  workbook.worksheets.map((w) => w.name);

const container = document.getElementById('container');
if (container) createRoot(container).render(<App host={host} />);
