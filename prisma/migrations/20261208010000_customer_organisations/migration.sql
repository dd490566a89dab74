-- Customer organisations and their buyers: docs/decisions/025-customer-organisations.md.
-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('library', 'state', 'local_authority', 'teaching_establishment', 'training_or_research_establishment', 'trade_union', 'works_council', 'company', 'reseller');
CREATE TYPE "OrganisationMemberRole" AS ENUM ('buyer');

-- AlterTable: a livre scolaire (loi n° 81-766, art. 3, last paragraph).
ALTER TABLE "Book" ADD COLUMN "schoolbook" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CustomerOrganisation" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "vatNumber" VARCHAR(13),
    "kind" "OrganisationKind" NOT NULL,
    "publicBuyer" BOOLEAN NOT NULL,
    "chorusServiceCode" VARCHAR(100),
    "engagementNumberRequired" BOOLEAN NOT NULL DEFAULT false,
    "paymentTermDays" INTEGER NOT NULL,
    "discountBasisPoints" INTEGER NOT NULL DEFAULT 0,
    "schoolbookDiscountBasisPoints" INTEGER,
    "billingEmail" VARCHAR(254) NOT NULL,
    "billingLine1" VARCHAR(120) NOT NULL,
    "billingLine2" VARCHAR(120),
    "billingPostalCode" VARCHAR(10) NOT NULL,
    "billingCity" VARCHAR(80) NOT NULL,
    "deliveryLine1" VARCHAR(120),
    "deliveryLine2" VARCHAR(120),
    "deliveryPostalCode" VARCHAR(10),
    "deliveryCity" VARCHAR(80),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerOrganisation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CustomerOrganisation_siret_digits" CHECK ("siret" ~ '^[0-9]{14}$'),
    -- The law's ceilings are checked by lib/pricing; here only what no kind can exceed.
    CONSTRAINT "CustomerOrganisation_discount_range" CHECK ("discountBasisPoints" BETWEEN 0 AND 10000),
    CONSTRAINT "CustomerOrganisation_schoolbook_discount_range" CHECK ("schoolbookDiscountBasisPoints" BETWEEN 0 AND 10000),
    -- C. com. L441-10: 60 days at most; CCP R2192-10: 30 days for a public buyer.
    CONSTRAINT "CustomerOrganisation_payment_term" CHECK ("paymentTermDays" BETWEEN 0 AND 60 AND (NOT "publicBuyer" OR "paymentTermDays" <= 30)),
    CONSTRAINT "CustomerOrganisation_delivery_whole" CHECK (("deliveryLine1" IS NULL) = ("deliveryPostalCode" IS NULL) AND ("deliveryLine1" IS NULL) = ("deliveryCity" IS NULL)),
    CONSTRAINT "CustomerOrganisation_version_positive" CHECK ("version" >= 1)
);

CREATE TABLE "OrganisationMember" (
    "id" SERIAL NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "role" "OrganisationMemberRole" NOT NULL DEFAULT 'buyer',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationMember_pkey" PRIMARY KEY ("id"),
    -- Readers sign in by their lower-case e-mail: a member matches it as stored.
    CONSTRAINT "OrganisationMember_email_lower" CHECK ("email" = lower("email"))
);

-- CreateIndex
CREATE UNIQUE INDEX "CustomerOrganisation_siret_key" ON "CustomerOrganisation"("siret");
CREATE INDEX "CustomerOrganisation_name_idx" ON "CustomerOrganisation"("name");
CREATE UNIQUE INDEX "OrganisationMember_organisationId_email_key" ON "OrganisationMember"("organisationId", "email");
CREATE INDEX "OrganisationMember_email_idx" ON "OrganisationMember"("email");

-- AddForeignKey
ALTER TABLE "OrganisationMember" ADD CONSTRAINT "OrganisationMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "CustomerOrganisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
