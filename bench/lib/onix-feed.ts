// Writes a synthetic ONIX 3.0 feed (reference names) of `count` products, streamed to a file.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
  bookDescription,
  bookTitle,
  contributorName,
  pick,
  publisherName,
  seededRandom,
  syntheticEan,
} from './synthetic-catalog';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const THEMA = ['LNDH', 'LNDU', 'LNB', 'JPQB', 'JHB', 'NHD', 'KCP', 'QDTS', 'LAZ', 'JPA'];

export async function writeOnixFeed(file: string, count: number, firstIndex = 50_000_000): Promise<void> {
  const random = seededRandom(count + 7);
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<ONIXMessage release="3.0">\n<Header><Sender><SenderIdentifier>' +
      '<SenderIDType>06</SenderIDType><IDValue>3012499000003</IDValue></SenderIdentifier>' +
      '<SenderName>Distributeur de banc d’essai</SenderName></Sender></Header>\n',
  );
  for (let i = 0; i < count; i += 1) {
    const ean = syntheticEan(firstIndex + i);
    const { title, subtitle } = bookTitle(random);
    const author = contributorName(Math.floor(random() * 50_000));
    const description = bookDescription(random);
    const year = 1990 + Math.floor(random() * 36);
    await write(
      `<Product><RecordReference>bench-${ean}</RecordReference><NotificationType>03</NotificationType>` +
        `<ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${ean}</IDValue></ProductIdentifier>` +
        `<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm>` +
        `<TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel>` +
        `<TitleText>${escape(title)}</TitleText>${subtitle ? `<Subtitle>${escape(subtitle)}</Subtitle>` : ''}</TitleElement></TitleDetail>` +
        `<Contributor><SequenceNumber>1</SequenceNumber><ContributorRole>A01</ContributorRole>` +
        `<PersonName>${escape(author.name)}</PersonName></Contributor>` +
        `<Language><LanguageRole>01</LanguageRole><LanguageCode>fre</LanguageCode></Language>` +
        `<Extent><ExtentType>00</ExtentType><ExtentValue>${80 + Math.floor(random() * 500)}</ExtentValue><ExtentUnit>03</ExtentUnit></Extent>` +
        `<Subject><SubjectSchemeIdentifier>93</SubjectSchemeIdentifier><SubjectCode>${pick(random, THEMA)}</SubjectCode></Subject>` +
        `</DescriptiveDetail>` +
        (description
          ? `<CollateralDetail><TextContent><TextType>03</TextType><ContentAudience>00</ContentAudience><Text>${escape(description)}</Text></TextContent></CollateralDetail>`
          : '') +
        `<PublishingDetail><Publisher><PublishingRole>01</PublishingRole><PublisherName>${escape(publisherName(Math.floor(random() * 300)))}</PublisherName></Publisher>` +
        `<PublishingDate><PublishingDateRole>01</PublishingDateRole><Date>${year}0${1 + Math.floor(random() * 9)}15</Date></PublishingDate></PublishingDetail>` +
        `<ProductSupply><SupplyDetail><Supplier><SupplierIdentifier><SupplierIDType>06</SupplierIDType><IDValue>3012499000003</IDValue></SupplierIdentifier>` +
        `<SupplierName>Distributeur de banc d’essai</SupplierName></Supplier><ProductAvailability>${pick(random, ['20', '21', '22', '31', '51'])}</ProductAvailability>` +
        `<Price><PriceType>04</PriceType><PriceAmount>${8 + Math.floor(random() * 60)}.${pick(random, ['00', '50', '90'])}</PriceAmount><CurrencyCode>EUR</CurrencyCode></Price>` +
        `</SupplyDetail></ProductSupply></Product>\n`,
    );
  }
  await write('</ONIXMessage>\n');
  out.end();
  await once(out, 'finish');
}

/**
 * The same books' daily price and availability feed: `count` block updates (NotificationType 04)
 * carrying only ProductSupply, for the products writeOnixFeed wrote from `firstIndex`.
 */
export async function writeBlockUpdateFeed(file: string, count: number, firstIndex = 50_000_000): Promise<void> {
  const random = seededRandom(count + 11);
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<ONIXMessage release="3.1">\n<Header><Sender><SenderIdentifier>' +
      '<SenderIDType>06</SenderIDType><IDValue>3012499000003</IDValue></SenderIdentifier>' +
      '<SenderName>Distributeur de banc d’essai</SenderName></Sender></Header>\n',
  );
  for (let i = 0; i < count; i += 1) {
    const ean = syntheticEan(firstIndex + i);
    await write(
      `<Product><RecordReference>bench-maj-${ean}</RecordReference><NotificationType>04</NotificationType>` +
        `<ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${ean}</IDValue></ProductIdentifier>` +
        `<ProductSupply><SupplyDetail><Supplier><SupplierIdentifier><SupplierIDType>06</SupplierIDType><IDValue>3012499000003</IDValue></SupplierIdentifier>` +
        `<SupplierName>Distributeur de banc d’essai</SupplierName></Supplier><ProductAvailability>${pick(random, ['20', '21', '31', '40'])}</ProductAvailability>` +
        `<Price><PriceType>04</PriceType><PriceAmount>${9 + Math.floor(random() * 60)}.${pick(random, ['00', '50', '90'])}</PriceAmount><CurrencyCode>EUR</CurrencyCode></Price>` +
        `</SupplyDetail></ProductSupply></Product>\n`,
    );
  }
  await write('</ONIXMessage>\n');
  out.end();
  await once(out, 'finish');
}
