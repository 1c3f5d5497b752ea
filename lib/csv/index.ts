export { neutraliseCell, toCell, type CellValue } from "./cells";
export { headerRow, toRecord, type Column } from "./columns";
export { afterWhere, EXPORT_BATCH_SIZE, keysetBatches, keysetOrderBy, type KeyPart, type SortDir } from "./keyset";
export { csvHead, csvStream, exportFileName, UTF8_BOM, type CsvStreamOptions } from "./stream";
export { COPY_SETTINGS, copyCsvStream, copyStatement, type CopyCsvOptions } from "./copy";
export { CrlfWriter } from "./crlf";
