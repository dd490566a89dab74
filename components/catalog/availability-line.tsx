import type { Availability } from '@/lib/availability';
import { bookTag, tagResponse } from '@/lib/front-cache/response-tags';

/** A book's availability: the page showing it is purged from the front cache when it changes. */
export function AvailabilityLine({ ean, availability }: { ean: string; availability: Availability }) {
  tagResponse(bookTag(ean));
  return <p className={`availability availability--${availability.state}`}>{availability.label}</p>;
}
