// Streams an ONIX 3.0 file, product by product: memory holds one record, whatever the file's
// size. Reads reference names and short tags alike (lib/onix/short-tags.ts), gzip or plain,
// UTF-8 or ISO-8859-1 / Windows-1252 (as the XML declaration says).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import type { OnixElement } from './onix-element';
import { referenceName } from './short-tags';

export type OnixHeader = { senderName: string | null; senderGln: string | null };

export type OnixEvent =
  | { kind: 'header'; header: OnixHeader }
  /** `problem` is set when the record is too big to be read whole: it is then rejected. */
  | { kind: 'product'; product: OnixElement; line: number; problem: string | null };

/** The file cannot be read as ONIX 3.0 at all (not XML, another release): the import stops. */
export class OnixFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'OnixFileError';
  }
}

// Limits of one record: a real product is a few kB; beyond these it is rejected, not read.
const MAX_ELEMENTS_PER_PRODUCT = 5_000;
const MAX_TEXT_PER_ELEMENT = 100_000;

export type OnixSource = { stream: Readable; encoding: string; bytesRead: () => number; size: number };

/** Opens a file for readOnix: gzip is recognised by its magic bytes, not by the file name. */
export async function openOnixFile(path: string): Promise<OnixSource> {
  const handle = await open(path);
  let head: Buffer;
  let size: number;
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    head = buffer.subarray(0, bytesRead);
    size = (await handle.stat()).size;
  } finally {
    await handle.close();
  }
  const file = createReadStream(path);
  let read = 0;
  file.on('data', (chunk) => {
    read += chunk.length;
  });
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  // The declaration of a gzipped file is inside; UTF-8 is then assumed (ONIX's default).
  const encoding = gzipped ? 'utf-8' : declaredEncoding(head.toString('latin1'));
  const stream = gzipped ? file.pipe(createGunzip()) : file;
  if (gzipped) file.on('error', (error) => stream.destroy(error));
  return { stream, encoding, bytesRead: () => read, size };
}

/** The encoding of an XML declaration, mapped to one TextDecoder knows; UTF-8 by default. */
export function declaredEncoding(start: string): string {
  const match = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(start);
  const name = match?.[1]?.toLowerCase() ?? 'utf-8';
  if (['iso-8859-1', 'latin1', 'iso8859-1', 'latin-1'].includes(name)) return 'latin1';
  if (['windows-1252', 'cp1252'].includes(name)) return 'windows-1252';
  if (['iso-8859-15', 'latin9'].includes(name)) return 'iso-8859-15';
  return 'utf-8';
}

export async function* readOnix(source: Pick<OnixSource, 'stream' | 'encoding'>): AsyncGenerator<OnixEvent> {
  // The declaration may name a single-byte encoding; saxes reads decoded text.
  const parser = new SaxesParser({ position: true });
  const decoder = new TextDecoder(source.encoding, { fatal: false });
  const queue: OnixEvent[] = [];
  const stack: OnixElement[] = [];
  let inside: 'header' | 'product' | null = null;
  let productLine = 0;
  let elementCount = 0;
  let problem: string | null = null;
  let header: OnixHeader = { senderName: null, senderGln: null };
  let sawRoot = false;

  parser.on('opentag', (tag) => {
    const name = referenceName(tag.name);
    if (!sawRoot) {
      sawRoot = true;
      if (name !== 'ONIXMessage') throw new OnixFileError(`Ce fichier n’est pas un message ONIX (<${tag.name}>).`, 1);
      const release = String(tag.attributes.release ?? '3.0');
      if (!release.startsWith('3.')) {
        throw new OnixFileError(`ONIX ${release} n’est pas pris en charge : seul ONIX 3.0 est lu.`, parser.line);
      }
      return;
    }
    if (inside === null) {
      if (name === 'Product') {
        inside = 'product';
        productLine = parser.line;
        elementCount = 0;
        problem = null;
      } else if (name === 'Header') {
        inside = 'header';
      } else {
        return;
      }
    }
    elementCount += 1;
    if (elementCount > MAX_ELEMENTS_PER_PRODUCT) {
      problem ??= `notice trop volumineuse (plus de ${MAX_ELEMENTS_PER_PRODUCT} éléments)`;
      stack.push({ name, attributes: {}, text: '', children: [] });
      return;
    }
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attributes[key] = String(value);
    const element: OnixElement = { name, attributes, text: '', children: [] };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });

  const onText = (text: string) => {
    const current = stack.at(-1);
    if (!current) return;
    if (current.text.length + text.length > MAX_TEXT_PER_ELEMENT) {
      problem ??= `texte trop long dans <${current.name}>`;
      return;
    }
    // Mixed content (XHTML in <Text>): text after a child element keeps its place.
    if (current.children.length > 0) current.children.push({ name: '#text', attributes: {}, text, children: [] });
    else current.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', () => {
    if (inside === null) return;
    const element = stack.pop();
    if (!element || stack.length > 0) return;
    if (inside === 'product') {
      queue.push({ kind: 'product', product: element, line: productLine, problem });
    } else {
      header = readHeader(element);
      queue.push({ kind: 'header', header });
    }
    inside = null;
  });

  parser.on('error', (error) => {
    throw new OnixFileError(`XML mal formé : ${error.message}`, parser.line);
  });

  for await (const chunk of source.stream) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    parser.write(text);
    while (queue.length > 0) yield queue.shift() as OnixEvent;
  }
  parser.write(decoder.decode());
  parser.close();
  if (!sawRoot) throw new OnixFileError('Fichier vide : aucun message ONIX.');
  while (queue.length > 0) yield queue.shift() as OnixEvent;
}

function readHeader(element: OnixElement): OnixHeader {
  const sender = element.children.find((child) => child.name === 'Sender');
  const senderName = sender?.children.find((child) => child.name === 'SenderName')?.text.trim() || null;
  const gln = sender?.children
    .filter((child) => child.name === 'SenderIdentifier')
    .find((id) => id.children.some((c) => c.name === 'SenderIDType' && c.text.trim() === '06'))
    ?.children.find((c) => c.name === 'IDValue')
    ?.text.trim();
  return { senderName, senderGln: gln || null };
}
