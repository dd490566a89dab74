-- What the mentions légales must say of the publisher and the host (loi n° 2004-575, art. 1-1;
-- Code de commerce, art. R123-237), and whether the enterprise is a micro-enterprise (the
-- accessibility statement, décret n° 2023-931). Empty until an admin fills them in at /admin/reglages.
ALTER TABLE "ShopSettings" ADD COLUMN "legalForm" TEXT NOT NULL DEFAULT '',
ADD COLUMN "shareCapitalCents" INTEGER,
ADD COLUMN "rcsCity" TEXT,
ADD COLUMN "publicationDirector" TEXT NOT NULL DEFAULT '',
ADD COLUMN "hostName" TEXT NOT NULL DEFAULT '',
ADD COLUMN "hostAddress" TEXT NOT NULL DEFAULT '',
ADD COLUMN "hostPhone" TEXT NOT NULL DEFAULT '',
ADD COLUMN "microEnterprise" BOOLEAN NOT NULL DEFAULT false;
