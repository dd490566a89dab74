-- The shop's settings edited in the back office (lib/shop/settings.ts); one row, id 1.
-- CreateTable
CREATE TABLE "ShopSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "tagline" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "postalCode" VARCHAR(5) NOT NULL,
    "city" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "vatNumber" VARCHAR(13) NOT NULL,
    "mediatorName" TEXT NOT NULL,
    "mediatorUrl" TEXT NOT NULL,
    "orderCutoffHour" INTEGER NOT NULL,
    "shippingTable" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "ShopSettings" ADD CONSTRAINT "ShopSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- One row at most: the shop's settings.
ALTER TABLE "ShopSettings" ADD CONSTRAINT "ShopSettings_single_row" CHECK ("id" = 1);
ALTER TABLE "ShopSettings" ADD CONSTRAINT "ShopSettings_cutoff_hour" CHECK ("orderCutoffHour" BETWEEN 0 AND 23);
