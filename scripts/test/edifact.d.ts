// Types of the `edifact` package's Reader (https://github.com/tdecaluwe/node-edifact, reader.js):
// the tests read the shop's EDI files with it, a parser written by others.
declare module 'edifact' {
  export type EdifactSegment = { name: string; elements: string[][] };
  export class Reader {
    constructor(config?: { autoDetectEncoding?: boolean });
    parse(document: string): EdifactSegment[];
  }
}
