import ExcelJS from 'exceljs';
import { XlsxPort } from '../src/workbook/xlsx/xlsxPort';
import { XlsxReader } from '../src/workbook/xlsx/xlsxReader';
async function main() {
  const file = process.argv[2]!;
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(file);
  const p = new XlsxPort(wb); const r = await XlsxReader.open(file);
  const inv = await p.inventory();
  const a = await p.readSheets(inv.sheets.map(s=>s.name)); const b = await r.readSheets(inv.sheets.map(s=>s.name));
  let n=0;
  for (const s of inv.sheets) { const x=a[s.name], y=b[s.name]; if(!x||!y){ if(x!==y) console.log('null diff', s.name); continue;}
    if (x.values.length!==y.values.length) console.log('rows', s.name, x.values.length, y.values.length);
    for (let i=0;i<Math.max(x.values.length,y.values.length);i++) for (let j=0;j<Math.max(x.values[i]?.length??0,y.values[i]?.length??0);j++){
      const u=JSON.stringify([x.values[i]?.[j],x.formulas?.[i]?.[j]]), v=JSON.stringify([y.values[i]?.[j],y.formulas?.[i]?.[j]]);
      if(u!==v && !u.startsWith('["Cellules') && !u.startsWith('["Montants') && n++<8) console.log(s.name,i+1,j+1,u,v);
    }}
  console.log('diffs',n);
}
main();
