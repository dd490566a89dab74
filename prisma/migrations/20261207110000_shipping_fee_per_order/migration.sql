-- The delivery fee is one fee per order, whatever the number of parcels (the legal floor is per
-- order too: arrêté du 4 avril 2023, art. 1): the settings' fee table names it so. The key is
-- renamed in place; the amounts are kept.
UPDATE "ShopSettings"
SET "shippingTable" = replace("shippingTable"::text, '"feePerParcelCents"', '"feeCents"')::jsonb;
