import { deriveAvailability, type AvailabilityState } from '@/lib/availability';
import { normalizeText } from '@/lib/search/normalize';

// Columns stored on Book that are derived from its other data. Every writer of books (the
// demo seed now, the ONIX import and the stock ledger later) computes them here.

export function bookSearchText(parts: {
  title: string;
  subtitle?: string | null;
  contributorNames: string[];
  publisherName: string;
  collectionName?: string | null;
}): string {
  return normalizeText(
    [parts.title, parts.subtitle, ...parts.contributorNames, parts.publisherName, parts.collectionName]
      .filter(Boolean)
      .join(' '),
  );
}

export function bookSortTitle(title: string): string {
  return normalizeText(title);
}

export function bookAvailabilityState(facts: {
  onHand: number;
  supplierCode: string | null;
  supplierLeadTime: { minDays: number; maxDays: number } | null;
  expectedDate: Date | null;
}): AvailabilityState {
  return deriveAvailability(facts).state;
}
