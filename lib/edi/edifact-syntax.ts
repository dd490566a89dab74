// UN/EDIFACT syntax (ISO 9735, syntax version 3, the one EANCOM uses): segments end with ',
// data elements are separated by +, components by :, and ? releases the next character so a
// value may contain any of them. The UNA service string advice, when a file starts with it,
// names other characters: six of them after "UNA" (component, element, decimal mark, release,
// reserved, segment terminator). GS1, EANCOM® Part I (syntax), as at
// http://www.gs1.se/EANCOM%202000/part1/una.htm (UNA).
// Pure: a writer that escapes values, and a reader that keeps each segment's position in the file
// so a bad file is reported segment by segment.

export type Separators = {
  component: string;
  element: string;
  decimal: string;
  release: string;
  segment: string;
};

/** The defaults of ISO 9735 level A/C, the ones EANCOM writes in its UNA. */
export const DEFAULT_SEPARATORS: Separators = {
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  segment: "'",
};

export function unaString(separators: Separators = DEFAULT_SEPARATORS): string {
  const { component, element, decimal, release, segment } = separators;
  return `UNA${component}${element}${decimal}${release} ${segment}`;
}

/** A value as written inside a component: each separator and the release character released. */
export function escapeValue(value: string, separators: Separators = DEFAULT_SEPARATORS): string {
  const specials = new Set([separators.component, separators.element, separators.release, separators.segment]);
  let out = '';
  for (const char of value) out += specials.has(char) ? `${separators.release}${char}` : char;
  return out;
}

/** An element: one value, or its components in order. */
export type ElementValue = string | readonly string[];

/** One segment, written: TAG+e1+c1:c2…' with empty trailing elements and components dropped (ISO 9735, §7.1). */
export function writeSegment(
  tag: string,
  elements: readonly ElementValue[],
  separators: Separators = DEFAULT_SEPARATORS,
): string {
  const written = elements.map((element) =>
    (typeof element === 'string' ? [element] : [...element])
      .map((component) => escapeValue(component, separators))
      .join(separators.component)
      .replace(new RegExp(`(?:${escapeRegExp(separators.component)})+$`), ''),
  );
  while (written.length > 0 && written[written.length - 1] === '') written.pop();
  return [tag, ...written].join(separators.element) + separators.segment;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A segment read from a file: its tag, its elements as lists of components, its rank (1 = first). */
export type ReadSegment = { tag: string; elements: string[][]; position: number };

export type Tokenized = { ok: true; segments: ReadSegment[]; separators: Separators } | { ok: false; message: string };

/**
 * The segments of an interchange. Line breaks between segments are ignored (files are often
 * written one segment per line); the UNA, when present, is not counted as a segment.
 */
export function readSegments(text: string): Tokenized {
  let body = text.replace(/^\uFEFF/, '');
  let separators = DEFAULT_SEPARATORS;
  const start = body.trimStart();
  if (start.startsWith('UNA')) {
    if (start.length < 9) return { ok: false, message: 'En-tête UNA incomplet : 6 caractères de service attendus.' };
    const chars = start.slice(3, 9);
    separators = {
      component: chars.charAt(0),
      element: chars.charAt(1),
      decimal: chars.charAt(2),
      release: chars.charAt(3),
      segment: chars.charAt(5),
    };
    if (new Set([separators.component, separators.element, separators.release, separators.segment]).size !== 4)
      return { ok: false, message: 'En-tête UNA invalide : ses séparateurs doivent être différents.' };
    body = start.slice(9);
  }
  const segments: ReadSegment[] = [];
  let elements: string[][] = [];
  let components: string[] = [];
  let current = '';
  let released = false;
  let started = false;
  const close = () => {
    components.push(current);
    elements.push(components);
    components = [];
    current = '';
  };
  for (const char of body) {
    if (!started && (char === '\r' || char === '\n' || char === ' ' || char === '\t')) continue;
    started = true;
    if (released) {
      current += char;
      released = false;
    } else if (char === separators.release) released = true;
    else if (char === separators.component) {
      components.push(current);
      current = '';
    } else if (char === separators.element) close();
    else if (char === separators.segment) {
      close();
      const [tagElement = [''], ...rest] = elements;
      const tag = tagElement[0] ?? '';
      const position = segments.length + 1;
      if (!/^[A-Z][A-Z0-9]{2}$/.test(tag) || tagElement.length > 1)
        return {
          ok: false,
          message: `Segment ${position} : étiquette « ${tag.slice(0, 12)} » invalide (trois lettres ou chiffres attendus, comme LIN ou QTY).`,
        };
      segments.push({ tag, elements: rest, position });
      elements = [];
      started = false;
    } else current += char;
  }
  if (released || current.trim() !== '' || elements.length > 0)
    return {
      ok: false,
      message: `Segment ${segments.length + 1} : le fichier s’arrête au milieu d’un segment (terminateur « ${separators.segment} » manquant).`,
    };
  if (segments.length === 0) return { ok: false, message: 'Le fichier ne contient aucun segment EDIFACT.' };
  return { ok: true, segments, separators };
}

/** Component `component` (0-based) of element `element` (0-based), or "" when absent. */
export function valueAt(segment: ReadSegment, element: number, component = 0): string {
  return segment.elements[element]?.[component] ?? '';
}
