import Link from 'next/link';
import type { Inline, TermsBlock, TermsDocument } from '@/lib/terms/terms-document';

// The terms as a page: each section of lib/terms/current-terms.ts, its anchor, its blocks.

function InlineParts({ parts }: { parts: Inline[] }) {
  return parts.map((part, index) => {
    if (typeof part === 'string') return part;
    const key = `${index}-${part.href}`;
    return part.href.startsWith('/') ? (
      <Link key={key} href={part.href}>
        {part.text}
      </Link>
    ) : (
      <a key={key} href={part.href}>
        {part.text}
      </a>
    );
  });
}

function Block({ block }: { block: TermsBlock }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <InlineParts parts={block.parts} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item) => <li key={item}>{item}</li>);
      return block.ordered ? <ol>{items}</ol> : <ul className="plain-list">{items}</ul>;
    }
    case 'address':
      return (
        <address>
          {block.lines.map((line, index) => (
            <span key={line}>
              {index > 0 && <br />}
              {line}
            </span>
          ))}
        </address>
      );
    case 'table':
      return (
        <table className="spec-table">
          <caption>{block.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{block.head[0]}</th>
              <th scope="col">{block.head[1]}</th>
            </tr>
          </thead>
          <tbody>
            {block.rows.map(([range, fee]) => (
              <tr key={range}>
                <td>{range}</td>
                <td>{fee}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'frame':
      return (
        <div className="legal-box">
          <h3>{block.title}</h3>
          {block.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      );
  }
}

function Blocks({ blocks }: { blocks: TermsBlock[] }) {
  return blocks.map((block, index) => <Block key={index} block={block} />);
}

export function TermsDocumentView({ terms }: { terms: TermsDocument }) {
  return (
    <>
      <Blocks blocks={terms.intro} />
      {terms.sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id} className={section.boxed ? 'legal-box' : undefined}>
          <h2 id={section.id}>{section.heading}</h2>
          <Blocks blocks={section.blocks} />
        </section>
      ))}
    </>
  );
}
