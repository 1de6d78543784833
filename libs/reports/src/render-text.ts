import type { CorrespondenceReport } from './report.model';
import { composeReport } from './wording';

const WIDTH = 92;

/** Wraps a paragraph at `width` columns, starting with `first` and indenting continuation lines by `indent`. */
function wrap(text: string, width = WIDTH, indent = '', first = ''): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.trim() && (line + ' ' + word).length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line.trim() && !line.endsWith(' ') ? `${line} ${word}` : line + word;
    }
  }
  if (line.trim()) lines.push(line);
  return lines;
}

const center = (line: string) => ' '.repeat(Math.max(0, Math.floor((WIDTH - line.length) / 2))) + line;

/** The report as plain text, wrapped for a terminal or an e-mail. */
export function renderText(r: CorrespondenceReport): string {
  const out: string[] = [];
  for (const block of composeReport(r)) {
    switch (block.type) {
      case 'commission':
        out.push(...wrap(block.text, WIDTH - 8).map(center), '');
        break;
      case 'heading':
        if (block.level === 1) out.push(center(block.text), '');
        else {
          const title = block.level === 2 ? block.text.toUpperCase() : block.text;
          out.push('', title, (block.level === 2 ? '=' : '-').repeat(Math.min(WIDTH, title.length)));
        }
        break;
      case 'paragraph':
        out.push(...wrap(block.text), '');
        break;
      case 'list':
        for (const item of block.items) {
          const hang = ' '.repeat(item.label.length + 1);
          out.push(...wrap(item.text, WIDTH, hang, `${item.label} `));
          for (const sub of item.items) out.push(...wrap(sub, WIDTH, `${hang}  `, `${hang}• `));
          if (block.ordered) out.push('');
        }
        if (!block.ordered) out.push('');
        break;
      case 'signature':
        out.push('', '', ...block.lines.flatMap((l) => wrap(l, WIDTH - 8)).map(center), '');
        break;
      case 'break':
        out.push('');
        break;
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
