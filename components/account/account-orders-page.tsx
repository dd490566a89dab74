import { AccountNav } from './account-nav';
import { OrderHistory } from './order-history';
import type { CurrentReader } from '@/lib/auth/require-reader';
import type { ReaderOrder } from '@/lib/data/readers/reader-orders';

/** /compte and /compte/commandes: the reader's orders. */
export function AccountOrdersPage({
  reader,
  orders,
  error,
  placedOnAccount = null,
}: {
  reader: CurrentReader;
  orders: ReaderOrder[];
  error: boolean;
  /** The reference of an order just placed on account, when it is one of these. */
  placedOnAccount?: string | null;
}) {
  return (
    <>
      <h1>Mon compte</h1>
      <AccountNav email={reader.email} />
      <h2>Mes commandes</h2>
      {placedOnAccount && (
        <p className="form-success" role="status">
          Commande {placedOnAccount} enregistrée sur compte : rien à payer en ligne. Elle est à préparer ; la facture, à
          régler par virement, part avec elle.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          Cette commande ne figure pas dans votre compte.
        </p>
      )}
      <p>
        Les commandes passées avec l’adresse {reader.email}, y compris celles d’avant votre compte. Le suivi ouvre la
        page de la commande, avec sa facture et le formulaire de rétractation.
      </p>
      <OrderHistory orders={orders} />
    </>
  );
}
