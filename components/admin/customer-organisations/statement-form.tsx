import { ActionForm } from '../action-form';
import { issueStatementAction } from './actions';

/** On the organisation's page: its dispatched orders waiting for their statement, and issuing it now. */
export function StatementSection({
  organisationId,
  monthlyStatement,
  waiting,
}: {
  organisationId: number;
  monthlyStatement: boolean;
  waiting: number;
}) {
  if (!monthlyStatement && waiting === 0) return null;
  return (
    <section aria-labelledby="releve-mensuel">
      <h2 id="releve-mensuel">Relevé mensuel</h2>
      <p>
        {waiting === 0
          ? 'Aucune commande expédiée en attente de facture.'
          : `${waiting} commande${waiting > 1 ? 's' : ''} expédiée${waiting > 1 ? 's' : ''} en attente du relevé, émis automatiquement le dernier jour du mois.`}
      </p>
      {waiting > 0 && (
        <ActionForm action={issueStatementAction} submitLabel="Émettre le relevé maintenant">
          <input type="hidden" name="id" value={organisationId} />
        </ActionForm>
      )}
    </section>
  );
}
