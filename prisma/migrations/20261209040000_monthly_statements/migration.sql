-- Monthly statements for customer organisations: one invoice per calendar month for the orders
-- on account dispatched in it, instead of one per order (CGI art. 289, I-3; C. com. L441-10, I:
-- 45 days at most from such an invoice).
ALTER TABLE "CustomerOrganisation" ADD COLUMN "monthlyStatement" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "CustomerOrganisation_periodic_terms" CHECK (NOT "monthlyStatement" OR "paymentTermDays" <= 45);


-- When an order left the shop (shipped, or collected at the counter): a statement covers the
-- orders dispatched in its calendar month. Orders dispatched before: their last change.
ALTER TABLE "Order" ADD COLUMN "dispatchedAt" TIMESTAMP(3);
UPDATE "Order" SET "dispatchedAt" = "updatedAt" WHERE "status" IN ('shipped', 'delivered', 'collected');
