import { Field } from '@/components/ui/field';

/** A plain GET form: the period is in the URL, the export's link too. */
export function ChorusProPeriodForm({
  from,
  to,
  errors,
}: {
  from: string;
  to: string;
  errors: { du?: string; au?: string };
}) {
  return (
    <form className="admin-filters" method="get" action="/admin/factures/chorus-pro" aria-label="Choisir la période">
      <Field label="Du" name="du" type="date" defaultValue={from} required error={errors.du} />
      <Field label="Au (inclus)" name="au" type="date" defaultValue={to} required error={errors.au} />
      <button type="submit">Afficher</button>
    </form>
  );
}
