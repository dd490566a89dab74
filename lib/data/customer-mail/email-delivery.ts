import 'server-only';
import { getDb } from '@/lib/db';
import { carriesTrackingLink } from '@/lib/email/kinds';
import { EmailPayloadSchema, StoredShopSchema } from '@/lib/email/payload';
import { renderEmail, type RenderedEmail } from '@/lib/email/render';
import { getEnv } from '@/lib/env';
import { getMailer, senderAddress, sendThroughSmtp } from '@/lib/mailer';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { noteSentEmail, type SentEmailEntry } from './sent-email-journal';
import { mintTrackingToken } from './tracking-tokens';
import { mintAlertToken } from './availability-alert-emails';
import { mintSignInSecrets } from './sign-in-links';
import { EMAIL_DELIVERY_LIMITS, transactOrThrow } from '@/lib/data/platform/transactions';

// The worker's side of the outbox (scripts/worker.ts, queue email-delivery): one job per
// EmailMessage. Under the row's lock: already sent → nothing (a job run twice, or run again after
// a crash, sends one e-mail); else a fresh tracking link, the render, the SMTP send (or, without
// SMTP_URL, the outbox itself is the delivery), and the row marked sent, in one transaction. A
// failure rolls it all back (the link too) and pg-boss retries with backoff; after the last try
// the row is `failed`, for staff to "renvoyer" (/admin/emails).
// The one duplicate left is at the SMTP boundary: the server accepted the message and the commit
// failed. The retry carries the same Message-ID, which lets mail systems drop the copy.

export type DeliveryOutcome = 'sent' | 'already sent' | 'unknown message';

/** Sent by SMTP, the stored copy keeps neither a link's secret nor a code: the table is not a key ring. */
function withoutSecrets(email: RenderedEmail, secrets: (string | null | undefined)[]): RenderedEmail {
  const mask = (text: string) =>
    secrets.reduce<string>(
      (masked, secret) =>
        secret
          ? masked.replaceAll(secret, secret.startsWith('code') ? 'code de connexion : [masqué]' : '[lien-personnel]')
          : masked,
      text,
    );
  return { subject: mask(email.subject), html: mask(email.html), text: mask(email.text) };
}

/** What the Message-ID names: the order, the request, the sign-in link or the alert. */
function aboutOf(message: {
  orderId: number | null;
  bookRequestId: number | null;
  signInLinkId: number | null;
  availabilityAlertId: number | null;
}) {
  if (message.orderId !== null) return `commande-${message.orderId}`;
  if (message.bookRequestId !== null) return `demande-${message.bookRequestId}`;
  if (message.signInLinkId !== null) return `connexion-${message.signInLinkId}`;
  return `alerte-${message.availabilityAlertId}`;
}

export async function deliverEmail(
  emailId: number,
  attempt: { final: boolean },
  now: () => Date = () => new Date(),
): Promise<DeliveryOutcome> {
  const mailer = getMailer();
  const { SITE_URL } = getEnv();
  try {
    const outcome = await transactOrThrow(async (tx): Promise<DeliveryOutcome | SentEmailEntry> => {
      const rows = await tx.$queryRaw<
        {
          id: number;
          kind: string;
          orderId: number | null;
          bookRequestId: number | null;
          availabilityAlertId: number | null;
          signInLinkId: number | null;
          version: number;
          reference: string | null;
          toAddress: string;
          payload: unknown;
          status: string;
        }[]
      >`
        SELECT e."id", e."kind"::text AS "kind", e."orderId", e."bookRequestId", e."signInLinkId", e."availabilityAlertId",
               e."version", e."toAddress", e."payload", e."status"::text AS "status",
               coalesce(o."reference", r."reference", 'alerte-' || e."availabilityAlertId") AS "reference"
        FROM "EmailMessage" e
        LEFT JOIN "Order" o ON o."id" = e."orderId"
        LEFT JOIN "BookRequest" r ON r."id" = e."bookRequestId"
        WHERE e."id" = ${emailId} FOR UPDATE OF e`;
      const message = rows[0];
      if (!message) return 'unknown message';
      if (message.status === 'sent') return 'already sent';
      const payload = EmailPayloadSchema.parse(message.payload);
      const sentAt = now();
      const token =
        message.orderId !== null && carriesTrackingLink(payload.kind)
          ? await mintTrackingToken(tx, message.orderId, sentAt)
          : null;
      // A sign-in e-mail's link and code, minted now like a tracking link (lib/data/readers/sign-in.ts).
      const signIn = message.signInLinkId !== null ? await mintSignInSecrets(tx, message.signInLinkId) : null;
      // An alert's e-mail: its link (confirm, cancel), minted now like a tracking link.
      const alertToken =
        message.availabilityAlertId !== null ? await mintAlertToken(tx, message.availabilityAlertId) : null;
      // The seller as it was when the e-mail was owed; rows owed before it was kept: as it is now,
      // read through this transaction (a second pool connection here could wait on itself).
      const owed = StoredShopSchema.safeParse(message.payload);
      const shop = owed.success ? owed.data.shop : await readShopSettings(tx);
      const rendered = await renderEmail(payload, shop, {
        siteUrl: SITE_URL,
        trackingUrl: token ? `${SITE_URL}/suivi/${token}` : null,
        signIn: signIn && { url: `${SITE_URL}/compte/connexion/lien?jeton=${signIn.token}`, code: signIn.code },
        alertUrl: alertToken ? `${SITE_URL}/alerte/${alertToken}` : null,
      });
      if (mailer) {
        await sendThroughSmtp(mailer, senderAddress(shop.name), {
          to: message.toAddress,
          ...rendered,
          messageId: `<${aboutOf(message)}.courriel-${message.id}@${new URL(SITE_URL).hostname}>`,
        });
      }
      const secrets = [token, signIn?.token, signIn && `code de connexion : ${signIn.code}`, alertToken];
      const stored = mailer ? withoutSecrets(rendered, secrets) : rendered;
      await tx.emailMessage.update({
        where: { id: message.id },
        data: {
          status: 'sent',
          sentAt,
          attempts: { increment: 1 },
          lastError: null,
          transport: mailer ? 'smtp' : 'outbox',
          subject: stored.subject,
          html: stored.html,
          text: stored.text,
        },
        select: { id: true },
      });
      return {
        kind: message.kind,
        reference: message.reference ?? '',
        version: message.version,
        sentAt: sentAt.toISOString(),
      };
    }, EMAIL_DELIVERY_LIMITS);
    if (typeof outcome === 'string') return outcome;
    // After the commit: what a restore must not send again.
    noteSentEmail(outcome);
    return 'sent';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await getDb().emailMessage.updateMany({
      where: { id: emailId, status: { not: 'sent' } },
      data: {
        attempts: { increment: 1 },
        lastError: message.slice(0, 500),
        ...(attempt.final && { status: 'failed' }),
      },
    });
    throw error;
  }
}
