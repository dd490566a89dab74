import { STAFF_ROLE_LABELS, STAFF_ROLES } from '@/lib/staff/roles';
import type { StaffAccount } from '@/lib/data/staff/staff';
import { formatDateShort } from '@/lib/core/date';
import { ActionForm } from '../action-form';
import { changeRoleAction, setStaffDisabledAction } from './actions';

export function StaffTable({ accounts, currentStaffId }: { accounts: StaffAccount[]; currentStaffId: number }) {
  return (
    <table className="admin-table">
      <caption>Comptes de l’équipe</caption>
      <thead>
        <tr>
          <th scope="col">Nom</th>
          <th scope="col">Adresse e-mail</th>
          <th scope="col">Rôle</th>
          <th scope="col">État</th>
          <th scope="col">Accès</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => (
          <tr key={account.id}>
            <th scope="row">{account.name}</th>
            <td>{account.email}</td>
            <td>
              <ActionForm
                action={changeRoleAction}
                submitLabel="Changer le rôle"
                className="inline-form"
                label={`Rôle de ${account.name}`}
              >
                <input type="hidden" name="staffId" value={account.id} />
                <label className="visually-hidden" htmlFor={`role-${account.id}`}>
                  Rôle de {account.name}
                </label>
                <select id={`role-${account.id}`} name="role" defaultValue={account.role}>
                  {STAFF_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {STAFF_ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </ActionForm>
            </td>
            <td>{account.disabledAt ? `Désactivé le ${formatDateShort(account.disabledAt)}` : 'Actif'}</td>
            <td>
              {account.id === currentStaffId ? (
                <span className="muted">Vous</span>
              ) : (
                <ActionForm
                  action={setStaffDisabledAction}
                  submitLabel={account.disabledAt ? `Réactiver ${account.name}` : `Désactiver ${account.name}`}
                  className="inline-form"
                  buttonClassName="button-secondary"
                >
                  <input type="hidden" name="staffId" value={account.id} />
                  <input type="hidden" name="disabled" value={account.disabledAt ? 'false' : 'true'} />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
