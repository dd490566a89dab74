// Orders waiting at the counter: after this many days "prête au retrait", the order desk lists
// them as uncollected so staff call the customer (and, one day, send the copy back to the shelf).
// A shop setting: it moves to the shop's settings in the database with the other ones.
export const UNCOLLECTED_AFTER_DAYS = 10;
