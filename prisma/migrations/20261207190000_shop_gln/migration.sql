-- The shop's own GLN, for the EDI orders it sends to distributors (EANCOM ORDERS, NAD+BY).
ALTER TABLE "ShopSettings" ADD COLUMN "gln" VARCHAR(13);
