// ONIX for Books 3.0 comes with reference names (<ProductIdentifier>) or short tags
// (<productidentifier>, <b221>). The reader turns short tags into reference names, so the
// mapping reads one vocabulary. Short tags of composites are their reference names in lower
// case; data elements have codes. Source: EDItEUR, ONIX for Books 3.0 specification, and its
// short-tag XSD (https://www.editeur.org/93/Release-3.0-Downloads/). Only the elements the
// import reads, and the composites around them, are listed; others keep their name.

const COMPOSITES = [
  'ONIXMessage',
  'Header',
  'Sender',
  'SenderIdentifier',
  'Product',
  'ProductIdentifier',
  'DescriptiveDetail',
  'TitleDetail',
  'TitleElement',
  'Contributor',
  'Collection',
  'CollectionSequence',
  'Language',
  'Extent',
  'Subject',
  'CollateralDetail',
  'TextContent',
  'PublishingDetail',
  'Imprint',
  'Publisher',
  'PublishingDate',
  'ProductSupply',
  'SupplyDetail',
  'Supplier',
  'SupplierIdentifier',
  'SupplyDate',
  'Price',
  'Tax',
  'Territory',
] as const;

const DATA_ELEMENTS: Record<string, string> = {
  // Header
  m379: 'SenderIDType',
  x298: 'SenderName',
  x307: 'SentDateTime',
  // Product record
  a001: 'RecordReference',
  a002: 'NotificationType',
  b221: 'ProductIDType',
  b233: 'IDTypeName',
  b244: 'IDValue',
  // DescriptiveDetail
  x314: 'ProductComposition',
  b012: 'ProductForm',
  b202: 'TitleType',
  x409: 'TitleElementLevel',
  x410: 'PartNumber',
  b203: 'TitleText',
  b030: 'TitlePrefix',
  b031: 'TitleWithoutPrefix',
  b029: 'Subtitle',
  b034: 'SequenceNumber',
  b035: 'ContributorRole',
  b036: 'PersonName',
  b037: 'PersonNameInverted',
  b039: 'NamesBeforeKey',
  b040: 'KeyNames',
  b047: 'CorporateName',
  b044: 'BiographicalNote',
  x329: 'CollectionType',
  x479: 'CollectionSequenceType',
  x481: 'CollectionSequenceNumber',
  b253: 'LanguageRole',
  b252: 'LanguageCode',
  b218: 'ExtentType',
  b219: 'ExtentValue',
  b220: 'ExtentUnit',
  x425: 'MainSubject',
  b067: 'SubjectSchemeIdentifier',
  b069: 'SubjectCode',
  b070: 'SubjectHeadingText',
  // CollateralDetail
  x426: 'TextType',
  x427: 'ContentAudience',
  d104: 'Text',
  // PublishingDetail
  b079: 'ImprintName',
  b291: 'PublishingRole',
  b081: 'PublisherName',
  b394: 'PublishingStatus',
  x448: 'PublishingDateRole',
  b306: 'Date',
  // ProductSupply
  j292: 'SupplierRole',
  j345: 'SupplierIDType',
  j137: 'SupplierName',
  j396: 'ProductAvailability',
  x461: 'SupplyDateRole',
  x462: 'PriceType',
  j151: 'PriceAmount',
  j152: 'CurrencyCode',
  x470: 'TaxType',
  x471: 'TaxRateCode',
  x472: 'TaxRatePercent',
  x449: 'CountriesIncluded',
};

const REFERENCE_NAMES: ReadonlyMap<string, string> = new Map([
  ...COMPOSITES.map((name) => [name.toLowerCase(), name] as const),
  ['ONIXmessage', 'ONIXMessage'],
  ...Object.entries(DATA_ELEMENTS),
]);

/** The reference name of an element, whichever tag style the file uses. */
export function referenceName(tag: string): string {
  const local = tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag;
  return REFERENCE_NAMES.get(local) ?? local;
}
