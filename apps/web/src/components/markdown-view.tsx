import { createElement, Fragment } from 'react';
import { type Block, type Inline, parseMarkdown } from '../markdown';

/** Inline content as React elements (text is always text: React escapes it). */
function Inlines({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((item, i) => {
        switch (item.type) {
          case 'text':
            return <Fragment key={i}>{item.text}</Fragment>;
          case 'break':
            return <br key={i} />;
          case 'strong':
            return (
              <strong key={i}>
                <Inlines content={item.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={i}>
                <Inlines content={item.children} />
              </em>
            );
        }
      })}
    </>
  );
}

function BlockView({ block, shift }: { block: Block; shift: number }) {
  switch (block.type) {
    case 'heading':
      return createElement(`h${Math.min(6, block.level + shift)}`, null, <Inlines content={block.content} />);
    case 'paragraph':
      return (
        <p>
          <Inlines content={block.content} />
        </p>
      );
    case 'rule':
      return <hr />;
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i} value={block.ordered && item.label ? Number.parseInt(item.label, 10) || undefined : undefined}>
          <Inlines content={item.content} />
          {item.items.length ? (
            <ul>
              {item.items.map((sub, j) => (
                <li key={j}>
                  <Inlines content={sub} />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
  }
}

/**
 * A Markdown document (the report's subset) as a formatted page; its headings start at level
 * `1 + shift`, so they sit under the page's own.
 */
export function MarkdownView({ source, shift = 2 }: { source: string; shift?: number }) {
  return (
    <>
      {parseMarkdown(source).map((block, i) => (
        <BlockView key={i} block={block} shift={shift} />
      ))}
    </>
  );
}
