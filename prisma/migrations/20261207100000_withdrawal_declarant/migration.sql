-- The name the customer types when declaring a withdrawal online (Code de la consommation,
-- art. D221-5: the declaration identifies the consumer); null for the declarations made before.
ALTER TABLE "Withdrawal" ADD COLUMN "declarantName" TEXT;

-- The key of the confirmation form ("Confirmer la rétractation"): posted twice (a double click, a
-- retry), it records one withdrawal and owes one acknowledgement.
ALTER TABLE "Withdrawal" ADD COLUMN "submissionKey" UUID;
CREATE UNIQUE INDEX "Withdrawal_orderId_submissionKey_key" ON "Withdrawal"("orderId", "submissionKey");
