// Orders waiting at the counter: after this many days "prête au retrait", the order desk lists
// them as uncollected so staff call the customer (and, one day, send the copy back to the shelf).
// Kept in code: no screen changes it.
export const UNCOLLECTED_AFTER_DAYS = 10;
