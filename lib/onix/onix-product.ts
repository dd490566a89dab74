// What the import takes from one ONIX 3.0 <Product>, checked: a product either maps whole
// or is rejected with a reason (nothing of it is written). Codes: EDItEUR code lists
// (https://ns.editeur.org/onix/en), cited where used.
import { createHash } from 'node:crypto';
import { parseIsbn } from '@/lib/isbn';
import { childNamed, childrenNamed, textOf, type OnixElement } from './onix-element';
import { readPrice, readSuppliers, readSupplies, type OnixSupply } from './onix-supply';
import { OnixRejection, parseOnixDate, reject } from './onix-values';

export type { OnixSupply } from './onix-supply';

export type OnixContributor = {
  name: string;
  sortName: string;
  /** Code list 17: A01 author, B01 editor, B06 translator, A15 preface… */
  role: string;
  biography: string | null;
};

export type OnixBook = {
  notification: 'upsert';
  recordReference: string | null;
  ean: string;
  title: string;
  subtitle: string | null;
  contributors: OnixContributor[];
  publisherName: string;
  imprintName: string | null;
  collection: { name: string; number: string | null } | null;
  /** Subject codes, main subject first: CLIL (scheme 29) and Thema (93). */
  clilCodes: string[];
  themaCodes: string[];
  description: string | null;
  pageCount: number | null;
  publishedOn: Date | null;
  productForm: string;
  languageCode: string;
  priceCents: number;
  vatRateBasisPoints: number;
  supplies: OnixSupply[];
  /** SHA-256 of all the above: the same record imported again changes nothing. */
  hash: string;
};

export type OnixDeletion = {
  notification: 'delete';
  recordReference: string | null;
  ean: string;
  /** Distributors named in the record (a deletion often names none). */
  supplies: Pick<OnixSupply, 'gln' | 'name'>[];
};

/**
 * A block update (NotificationType 04, ONIX 3.0 and 3.1, code list 1): the sender repeats only the
 * blocks that changed; each block present replaces the book's, the others stay. Blocks read:
 * 2 CollateralDetail (the description), 4 PublishingDetail (publisher, imprint, publication date),
 * 6 ProductSupply (the fixed price and the distributors' availability: a distributor's daily feed).
 */
export type OnixBlockUpdate = {
  notification: 'update';
  recordReference: string | null;
  ean: string;
  collateral?: { description: string | null };
  publishing?: { publisherName: string | null; imprintName: string | null; publishedOn: Date | null };
  supply?: { priceCents: number; vatRateBasisPoints: number; supplies: OnixSupply[] };
};

export type OnixRecord = OnixBook | OnixDeletion | OnixBlockUpdate;

export type MappedProduct =
  { ok: true; record: OnixRecord } | { ok: false; reason: string; ean: string | null; recordReference: string | null };

export function mapProduct(product: OnixElement): MappedProduct {
  const recordReference = textOf(product, 'RecordReference');
  let ean: string | null = null;
  try {
    ean = readEan(product);
    const notification = textOf(product, 'NotificationType');
    // Code list 1: 01–03 announce or confirm the whole record; 05 deletes it.
    if (notification === '05') {
      return {
        ok: true,
        record: { notification: 'delete', recordReference, ean, supplies: readSuppliers(product) },
      };
    }
    if (notification === '04') return { ok: true, record: readBlockUpdate(product, recordReference, ean) };
    if (!['01', '02', '03'].includes(notification ?? '')) {
      reject(`NotificationType inconnu (${notification ?? 'absent'})`);
    }
    const record = readBook(product, recordReference, ean);
    return { ok: true, record };
  } catch (error) {
    if (error instanceof OnixRejection) return { ok: false, reason: error.message, ean, recordReference };
    throw error;
  }
}

function readBlockUpdate(product: OnixElement, recordReference: string | null, ean: string): OnixBlockUpdate {
  // Block 1 carries the title, the contributors, the subjects: a change there comes as a full record.
  if (childNamed(product, 'DescriptiveDetail'))
    reject('mise à jour du bloc DescriptiveDetail (bloc 1) non prise en charge : la notice complète est attendue');
  const update: OnixBlockUpdate = { notification: 'update', recordReference, ean };
  if (childNamed(product, 'CollateralDetail')) update.collateral = { description: readDescription(product) };
  const publishing = childNamed(product, 'PublishingDetail');
  if (publishing) {
    const publishers = childrenNamed(publishing, 'Publisher');
    const publisher = publishers.find((p) => textOf(p, 'PublishingRole') === '01') ?? publishers[0];
    update.publishing = {
      publisherName: textOf(publisher, 'PublisherName'),
      imprintName: textOf(childNamed(publishing, 'Imprint'), 'ImprintName'),
      publishedOn: readPublishingDate(publishing),
    };
  }
  if (childNamed(product, 'ProductSupply')) {
    const price = readPrice(product);
    const supplies = readSupplies(product);
    if (supplies.length === 0) reject('bloc ProductSupply sans distributeur (SupplyDetail)');
    update.supply = { priceCents: price.cents, vatRateBasisPoints: price.vatRateBasisPoints, supplies };
  }
  if (!update.collateral && !update.publishing && !update.supply)
    reject('mise à jour sans bloc lu (CollateralDetail, PublishingDetail ou ProductSupply)');
  return update;
}

function readEan(product: OnixElement): string {
  const ids = childrenNamed(product, 'ProductIdentifier');
  // Code list 5: 15 ISBN-13, 03 GTIN-13 (the same number for a book).
  const id = ['15', '03'].map((type) => ids.find((i) => textOf(i, 'ProductIDType') === type)).find(Boolean);
  const value = textOf(id, 'IDValue');
  if (!value) reject('aucun identifiant ISBN-13 ou GTIN-13 (ProductIDType 15 ou 03)');
  const parsed = parseIsbn(value as string);
  if (!parsed || parsed.ean13 !== (value as string).replace(/[\s-]/g, '')) reject(`EAN invalide « ${value} »`);
  return (parsed as NonNullable<typeof parsed>).ean13;
}

function readBook(product: OnixElement, recordReference: string | null, ean: string): OnixBook {
  const detail = childNamed(product, 'DescriptiveDetail');
  if (!detail) reject('bloc DescriptiveDetail absent');
  const { title, subtitle, collectionFromTitle } = readTitles(detail as OnixElement);
  const publishing = childNamed(product, 'PublishingDetail');
  const publishers = childrenNamed(publishing, 'Publisher');
  // Code list 45: 01 publisher.
  const publisher = publishers.find((p) => textOf(p, 'PublishingRole') === '01') ?? publishers[0];
  const publisherName = textOf(publisher, 'PublisherName');
  if (!publisherName) reject('éditeur absent (Publisher/PublisherName)');
  const imprintName = textOf(childNamed(publishing, 'Imprint'), 'ImprintName');
  const productForm = textOf(detail, 'ProductForm') ?? 'BC';
  if (!/^[A-Z][A-Z0-9]$/.test(productForm)) reject(`ProductForm invalide « ${productForm} »`);
  const price = readPrice(product);
  const fields = {
    recordReference,
    ean,
    title,
    subtitle,
    contributors: readContributors(detail as OnixElement),
    publisherName: publisherName as string,
    imprintName: imprintName && imprintName !== publisherName ? imprintName : null,
    collection: readCollection(detail as OnixElement) ?? collectionFromTitle,
    ...readSubjects(detail as OnixElement),
    description: readDescription(product),
    pageCount: readPageCount(detail as OnixElement),
    publishedOn: readPublishingDate(publishing),
    productForm,
    languageCode: readLanguage(detail as OnixElement),
    priceCents: price.cents,
    vatRateBasisPoints: price.vatRateBasisPoints,
    supplies: readSupplies(product),
  };
  return { notification: 'upsert', ...fields, hash: hashOf(fields) };
}

function hashOf(fields: object): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function titleOf(element: OnixElement | undefined): string | null {
  const text = textOf(element, 'TitleText');
  if (text) return text;
  const without = textOf(element, 'TitleWithoutPrefix');
  if (!without) return null;
  const prefix = textOf(element, 'TitlePrefix');
  // "L'" + "action publique" has no space; "La" + "coopération" has one.
  return prefix ? (/['’]$/.test(prefix) ? `${prefix}${without}` : `${prefix} ${without}`) : without;
}

function readTitles(detail: OnixElement) {
  const titles = childrenNamed(detail, 'TitleDetail');
  // Code list 15: 01 distinctive title; code list 149: 01 product level, 02 collection level.
  const titleDetail = titles.find((t) => textOf(t, 'TitleType') === '01') ?? titles[0];
  const elements = childrenNamed(titleDetail, 'TitleElement');
  const productLevel = elements.find((e) => textOf(e, 'TitleElementLevel') === '01') ?? elements[0];
  const title = titleOf(productLevel);
  if (!title) reject('titre absent (TitleDetail/TitleElement/TitleText)');
  const collectionLevel = elements.find((e) => textOf(e, 'TitleElementLevel') === '02');
  const collectionName = titleOf(collectionLevel);
  return {
    title: title as string,
    subtitle: textOf(productLevel, 'Subtitle'),
    collectionFromTitle: collectionName
      ? { name: collectionName, number: textOf(collectionLevel, 'PartNumber') }
      : null,
  };
}

function readContributors(detail: OnixElement): OnixContributor[] {
  const contributors = childrenNamed(detail, 'Contributor')
    .map((c, index) => ({ c, order: Number(textOf(c, 'SequenceNumber') ?? index + 1) }))
    .sort((a, b) => (Number.isFinite(a.order) ? a.order : 0) - (Number.isFinite(b.order) ? b.order : 0));
  const result: OnixContributor[] = [];
  for (const { c } of contributors) {
    const before = textOf(c, 'NamesBeforeKey');
    const key = textOf(c, 'KeyNames');
    const inverted = textOf(c, 'PersonNameInverted');
    const fromInverted = inverted?.includes(',')
      ? `${inverted.slice(inverted.indexOf(',') + 1).trim()} ${inverted.slice(0, inverted.indexOf(',')).trim()}`
      : inverted;
    const name =
      textOf(c, 'PersonName') ??
      (key ? [before, key].filter(Boolean).join(' ') : null) ??
      fromInverted ??
      textOf(c, 'CorporateName');
    // Unnamed contributors ("et al.", UnnamedPersons) are not people a reader can look up.
    if (!name) continue;
    const sortName = inverted ?? (key ? [key, before].filter(Boolean).join(', ') : name);
    const biography = htmlToText(childNamed(c, 'BiographicalNote'));
    const roles = childrenNamed(c, 'ContributorRole')
      .map((r) => r.text.trim())
      .filter((r) => /^[A-Z]\d\d$/.test(r));
    for (const role of roles.length > 0 ? roles : ['A01']) {
      if (!result.some((r) => r.name === name && r.role === role)) result.push({ name, sortName, role, biography });
    }
  }
  return result;
}

function readCollection(detail: OnixElement): OnixBook['collection'] {
  const collections = childrenNamed(detail, 'Collection');
  // Code list 148: 10 publisher collection (a series), 20 ascribed collection.
  const collection = collections.find((c) => textOf(c, 'CollectionType') === '10') ?? collections[0];
  if (!collection) return null;
  const elements = childrenNamed(childNamed(collection, 'TitleDetail'), 'TitleElement');
  const element = elements.find((e) => textOf(e, 'TitleElementLevel') === '02') ?? elements[0];
  const name = titleOf(element);
  if (!name) return null;
  const number =
    textOf(element, 'PartNumber') ?? textOf(childNamed(collection, 'CollectionSequence'), 'CollectionSequenceNumber');
  return { name, number };
}

function readSubjects(detail: OnixElement): { clilCodes: string[]; themaCodes: string[] } {
  const subjects = childrenNamed(detail, 'Subject').sort(
    (a, b) => Number(Boolean(childNamed(b, 'MainSubject'))) - Number(Boolean(childNamed(a, 'MainSubject'))),
  );
  const codes = (scheme: string) =>
    subjects
      .filter((s) => textOf(s, 'SubjectSchemeIdentifier') === scheme)
      .flatMap((s) => textOf(s, 'SubjectCode') ?? []);
  // Code list 27: 29 CLIL, 93 Thema subject category.
  return { clilCodes: codes('29'), themaCodes: codes('93') };
}

function readDescription(product: OnixElement): string | null {
  const texts = childrenNamed(childNamed(product, 'CollateralDetail'), 'TextContent');
  // Code list 153: 03 description (back-cover text), 02 short description.
  const text = texts.find((t) => textOf(t, 'TextType') === '03') ?? texts.find((t) => textOf(t, 'TextType') === '02');
  return htmlToText(childNamed(text, 'Text'));
}

/** Paragraphs of a text given as plain text, escaped HTML or XHTML children; blank lines between. */
export function htmlToText(element: OnixElement | undefined): string | null {
  if (!element) return null;
  const collect = (e: OnixElement): string => {
    const inner = e.text + e.children.map(collect).join('');
    return ['p', 'div', 'br', 'li', 'ul', 'ol'].includes(e.name.toLowerCase()) ? `\n\n${inner}\n\n` : inner;
  };
  const raw = element.children.length > 0 ? collect({ ...element, name: 'Text' }) : element.text;
  const text = raw
    .replace(/<\s*(br|\/p|p|\/div|div|li)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return text || null;
}

function readPageCount(detail: OnixElement): number | null {
  const extents = childrenNamed(detail, 'Extent');
  // Code list 23: 00 main content page count, 05 total numbered pages; list 24: 03 pages.
  for (const type of ['00', '05']) {
    const extent = extents.find((e) => textOf(e, 'ExtentType') === type);
    if (!extent) continue;
    const unit = textOf(extent, 'ExtentUnit');
    if (unit && unit !== '03') continue;
    const value = textOf(extent, 'ExtentValue') ?? '';
    if (!/^\d{1,5}$/.test(value) || Number(value) === 0) reject(`nombre de pages invalide « ${value} »`);
    return Number(value);
  }
  return null;
}

function readPublishingDate(publishing: OnixElement | undefined): Date | null {
  const dates = childrenNamed(publishing, 'PublishingDate');
  // Code list 163: 01 publication date.
  const date = dates.find((d) => textOf(d, 'PublishingDateRole') === '01');
  return parseOnixDate(childNamed(date, 'Date'), 'date de publication');
}

function readLanguage(detail: OnixElement): string {
  const languages = childrenNamed(detail, 'Language');
  // Code list 22: 01 language of text; code list 74: ISO 639-2/B.
  const language = languages.find((l) => textOf(l, 'LanguageRole') === '01') ?? languages[0];
  const code = textOf(language, 'LanguageCode')?.toLowerCase() ?? 'fre';
  if (!/^[a-z]{3}$/.test(code)) reject(`code de langue invalide « ${code} »`);
  return code;
}
