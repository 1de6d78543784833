// The commission's correspondence report: its data model, the commission's configuration, its
// wording and its Markdown, text and archival PDF (PDF/A-2a, tagged) renderings.
export * from './report.model';
export * from './commission';
export { renderMarkdown } from './render-markdown';
export { renderText } from './render-text';
export { PDF_CONFORMANCE, renderPdf } from './render-pdf';
export { composeReport, longDate, metadata, periodPhrase, reportTitle } from './wording';
export { wordOficio, wordSentOficio } from './oficio-wording';
export { sentenceCase } from './spanish';
