-- The name the customer types when declaring a withdrawal online (Code de la consommation,
-- art. D221-5: the declaration identifies the consumer); null for the declarations made before.
ALTER TABLE "Withdrawal" ADD COLUMN "declarantName" TEXT;
