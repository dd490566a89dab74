export { ean13ToIsbn10, isbn10ToEan13 } from './convert';
export { hyphenateIsbn } from './hyphenate';
export { normalizeEanParam, parseIsbn, type ParsedIsbn } from './parse-isbn';
export { isValidEan13, isValidIsbn10 } from './validate';
