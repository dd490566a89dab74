/** "1 exemplaire", "3 exemplaires" (the plural read on the number's size: "-2 exemplaires"). */
export function formatCopies(count: number): string {
  return `${count} exemplaire${Math.abs(count) > 1 ? 's' : ''}`;
}
