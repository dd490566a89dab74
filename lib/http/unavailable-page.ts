import { createHash } from 'node:crypto';
import { SHOP } from '@/lib/shop/config';

// A self-contained page (no script, one inline style allowed by its hash) for when the shop
// cannot read its database. It works without JavaScript and without the app's stylesheet.
const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}a{color:#0b5394}';

const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

/** Only a path of this site may be offered as "try again" (no open redirect). */
function safeReturnPath(retour: string | null): string {
  return retour && retour.startsWith('/') && !retour.startsWith('//') && !retour.includes('\\') ? retour : '/';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function unavailablePage(retour: string | null): { html: string; styleHash: string } {
  const again = escapeHtml(safeReturnPath(retour));
  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Service momentanément indisponible — ${escapeHtml(SHOP.name)}</title>
<style>${STYLE}</style></head>
<body><main>
<h1>Service momentanément indisponible</h1>
<p>${escapeHtml(SHOP.name)} ne peut pas afficher cette page pour le moment : trop de demandes arrivent en même temps, ou une opération de maintenance est en cours.</p>
<p>Votre panier est conservé. <a href="${again}">Réessayer dans un instant</a></p>
</main></body></html>`;
  return { html, styleHash: STYLE_HASH };
}
