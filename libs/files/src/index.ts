export * from './file-text';
export { detectKind } from './detect-kind';
export { readFile, MAX_FILE_BYTES } from './read-file';
export { decodeText } from './text-encoding';
export { ocrAvailable } from './pdf/ocr-pdf';
export { layoutPages, type GlyphRun, type PdfPage, CELL_SEPARATOR } from './pdf/layout-lines';
