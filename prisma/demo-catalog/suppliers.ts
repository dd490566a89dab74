// Distributors the shop orders from. Lead times are business days from the shop's order to
// the parcel leaving the shop.
import type { DemoSupplier } from './types';

export const SUPPLIERS: DemoSupplier[] = [
  { name: "L'Harmattan Diffusion", leadTimeMinDays: 6, leadTimeMaxDays: 10 },
  { name: 'Sodis', leadTimeMinDays: 2, leadTimeMaxDays: 4 },
  { name: 'Interforum', leadTimeMinDays: 3, leadTimeMaxDays: 5 },
  { name: 'Union Distribution', leadTimeMinDays: 2, leadTimeMaxDays: 5 },
];
