// The emulator's stand-in for Stripe's hosted Checkout page, in French.
// Test cards follow https://docs.stripe.com/testing#cards and #declined-payments.
import type { EmulatorContext } from './context';
import { completeWithCard, findSession, successRedirectUrl } from './sessions';
import type { SessionRecord } from './store';

export type PageReply = { status: number; html: string } | { status: 303; redirect: string };

type CardOutcome = { paid: true } | { paid: false; message: string };

const DECLINED = 'Votre carte a été refusée.';
const TEST_CARDS: Record<string, CardOutcome> = {
  '4242424242424242': { paid: true },
  '5555555555554444': { paid: true },
  '4000002500000003': { paid: true },
  '4000000000000002': { paid: false, message: DECLINED },
  '4000000000009995': { paid: false, message: 'Fonds insuffisants.' },
  '4000000000000069': { paid: false, message: 'Votre carte a expiré.' },
  '4000000000000127': { paid: false, message: 'Le code de sécurité de votre carte est incorrect.' },
  '4000000000000119': { paid: false, message: 'Une erreur est survenue lors du traitement de votre carte. Réessayez.' },
};

type Field = 'card_number' | 'card_expiry' | 'card_cvc' | 'cardholder_name';
type FormState = {
  values: Partial<Record<Field, string>>;
  fieldErrors: Partial<Record<Field, string>>;
  error: string | null;
};

const EMPTY_FORM: FormState = { values: {}, fieldErrors: {}, error: null };

export function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Librairie (paiement de test)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f6f5f2; color: #1d1d1b; line-height: 1.5; }
  main { max-width: 34rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; }
  .test-mode { background: #fff3cd; color: #5c4400; padding: .25rem .5rem; border-radius: 4px; display: inline-block; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 1rem; }
  th, td { text-align: left; padding: .35rem 0; border-bottom: 1px solid #ddd; }
  td.amount, th.amount { text-align: right; }
  label { display: block; margin-top: .75rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; border: 1px solid #767676; border-radius: 4px; }
  input[aria-invalid="true"] { border-color: #b00020; }
  .field-error, .alert { color: #b00020; }
  .alert { border: 1px solid #b00020; padding: .5rem; border-radius: 4px; }
  button { margin-top: 1rem; width: 100%; padding: .75rem; font-size: 1.1rem; background: #1d4ed8; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .hint { color: #555; font-size: .9rem; }
</style>
</head>
<body>
<main>
<p class="test-mode">Mode test : aucun paiement réel (émulateur Stripe local)</p>
${body}
</main>
</body>
</html>`;
}

function summary(session: SessionRecord): string {
  const rows = session.lineItems
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.name)}</td><td>${item.quantity}</td><td class="amount">${formatAmount(item.unitAmount * item.quantity, item.currency)}</td></tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="recapitulatif">
<h2 id="recapitulatif">Récapitulatif</h2>
<table>
<thead><tr><th scope="col">Article</th><th scope="col">Quantité</th><th scope="col" class="amount">Montant</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row" colspan="2">Total</th><td class="amount">${formatAmount(session.amountTotal, session.currency)}</td></tr></tfoot>
</table>
${session.customerEmail ? `<p>Reçu envoyé à <strong>${escapeHtml(session.customerEmail)}</strong></p>` : ''}
</section>`;
}

function input(field: Field, label: string, attributes: string, state: FormState, hint?: string): string {
  const error = state.fieldErrors[field];
  const describedBy = [hint ? `${field}-hint` : null, error ? `${field}-error` : null].filter(Boolean).join(' ');
  const value = state.values[field];
  return `<label for="${field}">${escapeHtml(label)}</label>
${hint ? `<p class="hint" id="${field}-hint">${escapeHtml(hint)}</p>` : ''}<input id="${field}" name="${field}" ${attributes} required${
    value ? ` value="${escapeHtml(value)}"` : ''
  }${describedBy ? ` aria-describedby="${describedBy}"` : ''}${error ? ' aria-invalid="true"' : ''}>
${error ? `<p class="field-error" id="${field}-error">${escapeHtml(error)}</p>` : ''}`;
}

function paymentPage(session: SessionRecord, state: FormState): string {
  const total = formatAmount(session.amountTotal, session.currency);
  const back = session.cancelUrl ? `<p><a href="${escapeHtml(session.cancelUrl)}">Retour à la librairie</a></p>` : '';
  return layout(
    'Paiement',
    `<h1>Paiement de votre commande</h1>
${summary(session)}
<form method="post" action="/pay/${escapeHtml(session.id)}" novalidate aria-labelledby="carte">
<h2 id="carte">Carte bancaire</h2>
${state.error ? `<p class="alert" role="alert">${escapeHtml(state.error)}</p>` : ''}
${input('card_number', 'Numéro de carte', 'inputmode="numeric" autocomplete="cc-number"', state, 'Carte de test : 4242 4242 4242 4242')}
${input('card_expiry', "Date d'expiration (MM/AA)", 'inputmode="numeric" autocomplete="cc-exp" placeholder="MM/AA"', state)}
${input('card_cvc', 'CVC', 'inputmode="numeric" autocomplete="cc-csc"', state)}
${input('cardholder_name', 'Nom du titulaire', 'autocomplete="cc-name"', state)}
<button type="submit">Payer ${total}</button>
</form>
${back}`,
  );
}

function closedPage(session: SessionRecord): PageReply {
  if (session.status === 'complete') {
    return {
      status: 200,
      html: layout(
        'Paiement effectué',
        `<h1>Ce paiement a déjà été effectué.</h1>
<p><a href="${escapeHtml(successRedirectUrl(session))}">Retour à la librairie</a></p>`,
      ),
    };
  }
  return {
    status: 410,
    html: layout(
      'Session expirée',
      `<h1>Cette session de paiement a expiré.</h1>
<p>Aucun montant n'a été débité. Retournez à la librairie pour relancer le paiement.</p>
${session.cancelUrl ? `<p><a href="${escapeHtml(session.cancelUrl)}">Retour à la librairie</a></p>` : ''}`,
    ),
  };
}

function notFoundPage(): PageReply {
  return {
    status: 404,
    html: layout(
      'Session introuvable',
      "<h1>Session de paiement introuvable.</h1><p>Ce lien de paiement n'existe pas ou plus.</p>",
    ),
  };
}

export function renderPaymentPage(ctx: EmulatorContext, sessionId: string): PageReply {
  const session = findSession(ctx, sessionId);
  if (!session) return notFoundPage();
  if (session.status !== 'open') return closedPage(session);
  return { status: 200, html: paymentPage(session, EMPTY_FORM) };
}

function validateForm(form: URLSearchParams, now: Date): { state: FormState; cardNumber: string; name: string } {
  const values = {
    card_number: (form.get('card_number') ?? '').trim(),
    card_expiry: (form.get('card_expiry') ?? '').trim(),
    card_cvc: (form.get('card_cvc') ?? '').trim(),
    cardholder_name: (form.get('cardholder_name') ?? '').trim(),
  };
  const fieldErrors: FormState['fieldErrors'] = {};
  const cardNumber = values.card_number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(cardNumber) || !luhnValid(cardNumber))
    fieldErrors.card_number = "Le numéro de carte n'est pas valide.";
  const expiry = /^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/.exec(values.card_expiry);
  if (!expiry) {
    fieldErrors.card_expiry = "La date d'expiration est incomplète (format MM/AA).";
  } else {
    const month = Number(expiry[1]);
    const year = 2000 + Number(expiry[2]);
    if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) {
      fieldErrors.card_expiry = "La date d'expiration de votre carte est dépassée.";
    }
  }
  if (!/^\d{3,4}$/.test(values.card_cvc)) fieldErrors.card_cvc = 'Le code de sécurité (CVC) est incomplet.';
  if (values.cardholder_name === '') fieldErrors.cardholder_name = 'Indiquez le nom du titulaire de la carte.';
  // Never echo the CVC back into the page.
  const state: FormState = { values: { ...values, card_cvc: '' }, fieldErrors, error: null };
  if (Object.keys(fieldErrors).length > 0) state.error = 'Vérifiez les informations de votre carte.';
  return { state, cardNumber, name: values.cardholder_name };
}

export function submitPayment(
  ctx: EmulatorContext,
  sessionId: string,
  form: URLSearchParams,
  now: Date = new Date(),
): PageReply {
  const session = findSession(ctx, sessionId);
  if (!session) return notFoundPage();
  if (session.status !== 'open') {
    const page = closedPage(session);
    return session.status === 'complete' && 'html' in page ? { status: 409, html: page.html } : page;
  }
  const { state, cardNumber, name } = validateForm(form, now);
  if (state.error) return { status: 422, html: paymentPage(session, state) };

  const outcome = TEST_CARDS[cardNumber] ?? {
    paid: false,
    message: `${DECLINED} En mode test, utilisez une carte de test (par exemple 4242 4242 4242 4242).`,
  };
  if (!outcome.paid) {
    ctx.log(`session ${session.id}: card ending ${cardNumber.slice(-4)} declined`);
    // 402 is what Stripe's API answers for card errors (https://docs.stripe.com/api/errors).
    return { status: 402, html: paymentPage(session, { ...state, error: outcome.message }) };
  }
  completeWithCard(ctx, session, name);
  return { status: 303, redirect: successRedirectUrl(session) };
}
