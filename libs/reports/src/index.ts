// The commission's correspondence report: its data model and its Markdown, text and PDF renderings.
export * from './report.model';
export { renderMarkdown } from './render-markdown';
export { renderText } from './render-text';
export { renderPdf } from './render-pdf';
export { longDate } from './wording';
