import type { CorrespondenceReport } from './report.model';
import { escapeBlock, escapeInline } from './markdown-escape';
import { composeReport } from './wording';

/**
 * The report in Markdown: the institutional form (commission, number, legal basis, numbered
 * oficios, closing, place and date, signatory), then the annex. Every text that comes from the
 * log or the configuration is escaped: an operator's title cannot add a link, an image, HTML or a
 * heading to the commission's report.
 */
export function renderMarkdown(r: CorrespondenceReport): string {
  const out: string[] = [];
  for (const block of composeReport(r)) {
    switch (block.type) {
      case 'commission':
        out.push(`**${escapeInline(block.text)}**`, '');
        break;
      case 'heading':
        out.push(`${'#'.repeat(block.level)} ${escapeInline(block.text)}`, '');
        break;
      case 'paragraph':
        if (block.style === 'legal') out.push(`**${escapeInline(block.text)}**`, '');
        else if (block.style === 'note') out.push('---', '', `_${escapeInline(block.text)}_`, '');
        else out.push(escapeBlock(block.text), '');
        break;
      case 'list':
        for (const item of block.items) {
          // The entries are numbered as the commission numbers them ("1. "), items nested under their entry.
          const label = block.ordered ? item.label : '-';
          out.push(`${label} ${block.ordered ? escapeInline(item.text) : escapeBlock(item.text)}`);
          const indent = ' '.repeat(label.length + 1);
          for (const sub of item.items) out.push(`${indent}- ${escapeBlock(sub)}`);
          if (block.ordered) out.push('');
        }
        if (!block.ordered) out.push('');
        break;
      case 'signature':
        // A hard line break (backslash) keeps the signatory's lines together, as signed.
        out.push(block.lines.map((l, i) => (i === 0 ? `**${escapeInline(l)}**` : escapeInline(l))).join('\\\n'), '');
        break;
      case 'break':
        break;
    }
  }
  return out.join('\n');
}
