import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { importCountFile } from '@/lib/data/stock-desk/inventory';
import { failureResponse, readFormData } from '@/lib/http/failure-response';
import { problem } from '@/lib/http/problem';

// An inventory terminal's CSV ("EAN;quantité") added to a count. A route handler rather than a
// Server Action: a whole shop's file exceeds Next's 1 MB action limit (proxy.ts lets 5 MB through
// here only). All or nothing: a bad line and nothing is applied, every bad line is reported.
const MAX_CSV_BYTES = 5 * 1024 * 1024;

export async function POST(request: Request, { params }: RouteContext<'/admin/inventaire/[id]/fichier'>) {
  const staff = await requireStaff('libraire');
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) return problem(404, 'UNKNOWN_COUNT', 'Inventaire introuvable.');
  const form = await readFormData(request);
  if (!form) return problem(400, 'UNREADABLE_FORM', 'Envoi illisible : choisissez le fichier et envoyez-le à nouveau.');
  const file = form.get('fichier');
  if (!(file instanceof File) || file.size === 0)
    return problem(400, 'NO_FILE', 'Choisissez un fichier CSV (une ligne par livre : EAN;quantité).');
  if (file.size > MAX_CSV_BYTES) return problem(413, 'FILE_TOO_LARGE', 'Fichier trop lourd : 5 Mo au plus.');
  const result = await importCountFile(await actorOf(staff), {
    inventoryId: Number(id),
    fileName: file.name || 'inventaire.csv',
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!result.ok)
    return failureResponse(result, {
      INVALID_CSV: 422,
      TOO_MANY: 422,
      ALREADY_IMPORTED: 409,
      COUNT_CLOSED: 409,
      UNKNOWN_COUNT: 404,
    });
  return Response.json(
    {
      ok: true,
      message: `${result.lineCount} ligne${result.lineCount > 1 ? 's' : ''} importée${result.lineCount > 1 ? 's' : ''}, ${result.copies} exemplaire${result.copies > 1 ? 's' : ''} ajouté${result.copies > 1 ? 's' : ''} au comptage.`,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
