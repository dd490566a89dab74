import { describe, expect, it } from 'vitest';
import { fieldErrors } from './zod-errors';
import { BookRequestSchema } from './book-requests';

// The reader's form "Commander un livre absent du catalogue", as people type it and as a robot forges it.
const valid = {
  isbn: '',
  title: 'Traité de droit des obligations',
  author: 'Jean Carbonnier',
  publisher: '',
  quantity: '1',
  fullName: 'Camille Lecteur',
  email: ' Camille@Exemple.fr ',
  phone: '',
  message: '',
  submission: '',
};

const errorsOf = (input: Record<string, unknown>) => {
  const parsed = BookRequestSchema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe('a book request', () => {
  it('names a book by its title and author; the e-mail is trimmed and lower-cased; empty fields are null', () => {
    expect(BookRequestSchema.parse(valid)).toMatchObject({
      isbn: null,
      title: 'Traité de droit des obligations',
      publisher: null,
      quantity: 1,
      email: 'camille@exemple.fr',
      phone: null,
      submission: null,
    });
  });

  it('or by its ISBN as printed: hyphens, spaces, an ISBN-10 with its X, all read as the EAN-13', () => {
    expect(BookRequestSchema.parse({ ...valid, title: '', author: '', isbn: 'ISBN 978-2-247-20385-7' }).isbn).toBe(
      '9782247203857',
    );
    expect(BookRequestSchema.parse({ ...valid, isbn: '2-13-054486-X' }).isbn).toBe('9782130544869');
  });

  it('refuses a book named by nothing, a wrong check digit, too many copies, a forged key', () => {
    expect(errorsOf({ ...valid, title: '', author: ' ' })).toMatchObject({
      title: 'Indiquez l’ISBN, ou le titre et l’auteur.',
      author: 'Indiquez l’ISBN, ou le titre et l’auteur.',
    });
    expect(errorsOf({ ...valid, isbn: '978-2-247-20385-0' })).toMatchObject({
      isbn: expect.stringMatching(/^ISBN invalide/),
    });
    expect(errorsOf({ ...valid, quantity: '6' })).toMatchObject({ quantity: 'Entre 1 et 5 exemplaires.' });
    expect(errorsOf({ ...valid, quantity: '0' })).toMatchObject({ quantity: 'Entre 1 et 5 exemplaires.' });
    expect(errorsOf({ ...valid, submission: "1' OR 1=1" })).toMatchObject({ submission: expect.any(String) });
  });

  it('refuses control characters, over-long fields and a wrong e-mail, each with a French message', () => {
    expect(errorsOf({ ...valid, fullName: 'Camille\u0000' })).toMatchObject({ fullName: expect.any(String) });
    expect(errorsOf({ ...valid, title: 'x'.repeat(201) })).toMatchObject({ title: '200 caractères au plus.' });
    expect(errorsOf({ ...valid, email: 'pas-un-email' })).toMatchObject({
      email: 'Adresse e-mail invalide (exemple : nom@exemple.fr).',
    });
    expect(errorsOf({ ...valid, fullName: '' })).toMatchObject({ fullName: 'Indiquez vos nom et prénom.' });
  });
});
