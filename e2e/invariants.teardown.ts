import { expectNoInvariantViolation } from './support/admin';
import { test } from './support/shop';

// After every spec (playwright.config.ts runs this project last): whatever the specs did to the
// shop (purchases, rushes on two instances, refunds, deliveries, inventories, withdrawals), its
// data still holds together (lib/invariants/invariants.ts).
test('after the whole suite, the invariant check finds nothing wrong in the shop', async ({ page }) => {
  await expectNoInvariantViolation(page);
});
