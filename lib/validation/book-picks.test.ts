import { describe, expect, it } from 'vitest';
import { BookPickSchema, noteParagraphs, PicksQuerySchema } from './book-picks';

const EAN = '9782247215386';

describe('BookPickSchema', () => {
  it('keeps paragraphs and trims what surrounds them', () => {
    const parsed = BookPickSchema.parse({
      ean: EAN,
      note: '  Un manuel limpide.\r\n\r\n\r\n\r\nÀ mettre entre toutes les mains.  ',
      booksellerName: ' Claire ',
    });
    expect(parsed.note).toBe('Un manuel limpide.\n\nÀ mettre entre toutes les mains.');
    expect(parsed.booksellerName).toBe('Claire');
  });

  it('refuses a note too short, too long, or with control characters', () => {
    expect(BookPickSchema.safeParse({ ean: EAN, note: 'Bien.', booksellerName: 'Claire' }).success).toBe(false);
    expect(BookPickSchema.safeParse({ ean: EAN, note: 'a'.repeat(1201), booksellerName: 'Claire' }).success).toBe(
      false,
    );
    expect(
      BookPickSchema.safeParse({ ean: EAN, note: 'Un livre\u0007 remarquable et clair.', booksellerName: 'Claire' })
        .success,
    ).toBe(false);
  });

  it('needs a first name and a real EAN', () => {
    expect(
      BookPickSchema.safeParse({ ean: EAN, note: 'Un manuel limpide et complet.', booksellerName: ' ' }).success,
    ).toBe(false);
    expect(
      BookPickSchema.safeParse({
        ean: '9782247215387',
        note: 'Un manuel limpide et complet.',
        booksellerName: 'Claire',
      }).success,
    ).toBe(false);
  });
});

describe('noteParagraphs', () => {
  it('splits on blank lines', () => {
    expect(noteParagraphs('Un.\n\nDeux.\nsuite')).toEqual(['Un.', 'Deux.\nsuite']);
  });
});

describe('PicksQuerySchema', () => {
  it('falls back to page 1', () => {
    expect(PicksQuerySchema.parse({ page: 'abc' }).page).toBe(1);
    expect(PicksQuerySchema.parse({ page: '3' }).page).toBe(3);
    expect(PicksQuerySchema.parse({}).page).toBe(1);
  });
});
