import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unavailablePage } from './unavailable-page';

describe('unavailablePage', () => {
  it('offers to try the page again', () => {
    expect(unavailablePage('/livre/9782296013681?x=1').html).toContain('href="/livre/9782296013681?x=1"');
  });
  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', null, 'javascript:alert(1)'])(
    'never sends the reader off the site (%s)',
    (retour) => {
      expect(unavailablePage(retour).html).toContain('href="/"');
    },
  );
  it('escapes what it echoes', () => {
    expect(unavailablePage('/recherche?q="><script>').html).not.toContain('<script>');
  });
  it('allows exactly its own inline style', () => {
    const { html, styleHash } = unavailablePage('/');
    const style = /<style>(.*)<\/style>/.exec(html)?.[1] ?? '';
    expect(styleHash).toBe(`sha256-${createHash('sha256').update(style).digest('base64')}`);
  });
});
