// An e-mail's content as a few kinds of blocks, rendered twice from the same words: to MJML (then
// HTML, by mjml) and to plain text. Every text is escaped here, so templates never write markup.
// Pure.

export type Row = { label: string; detail?: string; amount: string; strong?: boolean };

export type Block =
  | { type: 'heading'; text: string }
  /** A section's title inside a long text (the terms carried by a confirmation). */
  | { type: 'subheading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'small'; text: string }
  | { type: 'button'; label: string; url: string }
  | { type: 'table'; caption: string; rows: Row[] }
  | { type: 'list'; items: string[] }
  /** A framed text, for the withdrawal form: its lines as they must be printed. */
  | { type: 'frame'; title: string; lines: string[] }
  | { type: 'divider' };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Only web links go into an e-mail: anything else (javascript:, data:) is refused. */
export function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`Refused link: ${url}`);
  return parsed.href;
}

const COLORS = { text: '#1f2328', muted: '#57606a', accent: '#7a2e1f', border: '#d0d7de' };

function mjmlBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<mj-text font-size="20px" font-weight="700" color="${COLORS.accent}">${escapeHtml(block.text)}</mj-text>`;
    case 'subheading':
      return `<mj-text font-size="16px" font-weight="700" padding-top="16px">${escapeHtml(block.text)}</mj-text>`;
    case 'paragraph':
      return `<mj-text>${escapeHtml(block.text)}</mj-text>`;
    case 'small':
      return `<mj-text font-size="12px" color="${COLORS.muted}">${escapeHtml(block.text)}</mj-text>`;
    case 'button':
      return `<mj-button href="${escapeHtml(safeUrl(block.url))}" background-color="${COLORS.accent}" align="left">${escapeHtml(block.label)}</mj-button>`;
    case 'table': {
      const rows = block.rows
        .map((row) => {
          const weight = row.strong ? 'font-weight:700;' : '';
          const detail = row.detail
            ? `<br><span style="color:${COLORS.muted};font-size:12px">${escapeHtml(row.detail)}</span>`
            : '';
          return `<tr><td style="padding:6px 0;border-bottom:1px solid ${COLORS.border};${weight}">${escapeHtml(row.label)}${detail}</td><td style="padding:6px 0;border-bottom:1px solid ${COLORS.border};text-align:right;white-space:nowrap;${weight}">${escapeHtml(row.amount)}</td></tr>`;
        })
        .join('');
      return `<mj-table><caption style="text-align:left;font-weight:700;padding-bottom:4px">${escapeHtml(block.caption)}</caption>${rows}</mj-table>`;
    }
    case 'list':
      return `<mj-text><ul style="margin:0;padding-left:20px">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul></mj-text>`;
    case 'frame':
      return `<mj-text><div style="border:1px solid ${COLORS.border};padding:16px"><p style="margin:0 0 8px;font-weight:700">${escapeHtml(block.title)}</p>${block.lines.map((line) => `<p style="margin:0 0 6px">${escapeHtml(line)}</p>`).join('')}</div></mj-text>`;
    case 'divider':
      return `<mj-divider border-width="1px" border-color="${COLORS.border}" />`;
  }
}

/** The whole message as MJML: a header with the shop's name, the blocks, the footer's lines. */
export function toMjml(input: {
  title: string;
  preheader: string;
  shopName: string;
  blocks: Block[];
  footer: string[];
}): string {
  return `<mjml lang="fr">
<mj-head>
<mj-title>${escapeHtml(input.title)}</mj-title>
<mj-preview>${escapeHtml(input.preheader)}</mj-preview>
<mj-attributes><mj-all font-family="Georgia, 'Times New Roman', serif" /><mj-text font-size="15px" line-height="1.5" color="${COLORS.text}" /></mj-attributes>
</mj-head>
<mj-body background-color="#f6f4ef">
<mj-section background-color="#ffffff"><mj-column>
<mj-text font-size="14px" font-weight="700" letter-spacing="1px" color="${COLORS.muted}">${escapeHtml(input.shopName.toUpperCase())}</mj-text>
${input.blocks.map(mjmlBlock).join('\n')}
</mj-column></mj-section>
<mj-section><mj-column>
${input.footer.map((line) => `<mj-text font-size="12px" color="${COLORS.muted}" padding="2px 25px">${escapeHtml(line)}</mj-text>`).join('\n')}
</mj-column></mj-section>
</mj-body>
</mjml>`;
}

function textBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${block.text}\n${'='.repeat(Math.min(block.text.length, 70))}`;
    case 'subheading':
      return `${block.text}\n${'-'.repeat(Math.min(block.text.length, 70))}`;
    case 'paragraph':
    case 'small':
      return block.text;
    case 'button':
      return `${block.label} :\n${safeUrl(block.url)}`;
    case 'table':
      return [
        `${block.caption} :`,
        ...block.rows.map((row) => `- ${row.label}${row.detail ? ` (${row.detail})` : ''} : ${row.amount}`),
      ].join('\n');
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'frame':
      return [`----- ${block.title} -----`, ...block.lines, '-'.repeat(40)].join('\n');
    case 'divider':
      return '----';
  }
}

export function toText(input: { shopName: string; blocks: Block[]; footer: string[] }): string {
  return [input.shopName, '', ...input.blocks.map((block) => `${textBlock(block)}\n`), '--', ...input.footer].join(
    '\n',
  );
}
