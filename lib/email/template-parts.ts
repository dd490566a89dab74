import { formatDateShort } from '@/lib/core/date';
import type { Block } from './blocks';
import type { EmailOrder } from './payload';

// What every e-mail's template shares: the links it may carry, the shape of its content, and the
// words and blocks that recur (the greeting, the order's day, the tracking button).

export type EmailLinks = {
  siteUrl: string;
  /** The order's tracking page, with a token minted for this e-mail; null for the payment e-mails. */
  trackingUrl: string | null;
  /** An availability alert's page (confirm, cancel), with a token minted for this e-mail. */
  alertUrl?: string | null;
  /** A sign-in e-mail's link and code, minted for this sending (lib/data/readers/sign-in.ts). */
  signIn?: { url: string; code: string } | null;
};

export type EmailContent = { subject: string; preheader: string; blocks: Block[] };

const LONG_DAY = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "2026-12-15" → "mardi 15 décembre 2026" */
export function formatDay(day: string): string {
  return LONG_DAY.format(new Date(`${day}T12:00:00Z`));
}

export function trackingButton(links: EmailLinks): Block[] {
  return links.trackingUrl
    ? [
        { type: 'button', label: 'Suivre ma commande', url: links.trackingUrl },
        {
          type: 'small',
          text: 'Ce lien personnel ouvre votre commande sans mot de passe : ne le transférez pas. Il reste valable 90 jours après notre dernier courriel.',
        },
      ]
    : [];
}

export const hello = (order: EmailOrder) => ({ type: 'paragraph', text: `Bonjour ${order.fullName},` }) as const;

export function orderedOn(order: EmailOrder): string {
  return formatDateShort(new Date(order.orderedAt));
}
