import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { getEnv } from './env';

// The one client of the SMTP server (nodemailer), when SMTP_URL is set; null otherwise, and the
// outbox in the database is the delivery (lib/data/customer-mail/email-delivery.ts). Timeouts stay under the
// delivery transaction's limits: a stuck server fails the attempt, and pg-boss retries it.

export type OutgoingEmail = { to: string; subject: string; html: string; text: string; messageId: string };

const globalForMailer = globalThis as typeof globalThis & { librairieMailer?: Transporter | null };

export function getMailer(): Transporter | null {
  if (globalForMailer.librairieMailer === undefined) {
    const url = getEnv().SMTP_URL;
    globalForMailer.librairieMailer = url
      ? nodemailer.createTransport({ url, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 8_000 })
      : null;
  }
  return globalForMailer.librairieMailer;
}

/** "Librairie des Facultés <no-reply@librairie.example>", unless MAIL_FROM says otherwise. */
export function senderAddress(shopName: string): string {
  const env = getEnv();
  if (env.MAIL_FROM) return env.MAIL_FROM;
  return `"${shopName.replace(/["\\\\]/g, '')}" <no-reply@${new URL(env.SITE_URL).hostname}>`;
}

export async function sendThroughSmtp(mailer: Transporter, from: string, email: OutgoingEmail): Promise<void> {
  await mailer.sendMail({ from, ...email });
}
