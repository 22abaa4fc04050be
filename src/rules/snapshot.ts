/** What rules read a snapshot with: the neutral helpers and the Devis reader, in one import. */
export {
  at,
  isBlank,
  isExcelError,
  isFormula,
  isNumber,
  num,
  readTable,
  single,
  type RangeRead,
  type TableRow,
} from '../sheets/model/snapshot';
export {
  chapterOfRows,
  devisTable,
  isChapterRow,
  isTotalRow,
  type DevisRow,
  type DevisTable,
} from '../sheets/devis/reader';
export type { DevisColumn as DevisField } from '../sheets/devis/contract';
