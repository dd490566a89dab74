import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { MAX_COVER_BYTES } from '@/lib/catalog/cover-upload';
import { setBookCover } from '@/lib/data/catalog/book-editing';
import { failureResponse, readFormData } from '@/lib/http/failure-response';
import { problem } from '@/lib/http/problem';
import { normalizeEanParam } from '@/lib/isbn';
import { COVER_TOO_LARGE, storeCover } from '@/lib/media/cover-store';

// A book's cover, uploaded from its edit page. A route handler rather than a Server Action:
// a publisher's cover often weighs more than Next's 1 MB action limit (proxy.ts lets 10 MB through
// here only). The file is checked, resized and re-encoded by lib/media/cover-store.ts.
export async function POST(request: Request, { params }: RouteContext<'/admin/catalogue/livres/[ean]/couverture'>) {
  const staff = await requireStaff('libraire');
  const ean = normalizeEanParam((await params).ean);
  if (!ean) return problem(404, 'UNKNOWN_BOOK', 'Livre inconnu.');
  const form = await readFormData(request);
  if (!form) return problem(400, 'UNREADABLE_FORM', 'Envoi illisible : choisissez l’image et envoyez-la à nouveau.');
  const file = form.get('couverture');
  if (!(file instanceof File) || file.size === 0) return problem(400, 'NO_FILE', 'Choisissez une image.');
  if (file.size > MAX_COVER_BYTES) return problem(413, 'FILE_TOO_LARGE', COVER_TOO_LARGE);
  const stored = await storeCover(ean, new Uint8Array(await file.arrayBuffer()));
  if (!stored.ok)
    return failureResponse(stored, { FILE_TOO_LARGE: 413, NOT_AN_IMAGE: 415, UNREADABLE_IMAGE: 422, EMPTY_FILE: 400 });
  const saved = await setBookCover(await actorOf(staff), { ean, coverPath: stored.coverPath });
  if (!saved.ok) return failureResponse(saved, { UNKNOWN_BOOK: 404 });
  return Response.json(
    { ok: true, message: 'Couverture enregistrée.', coverPath: saved.coverPath },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
