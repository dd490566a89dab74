-- A reader's request for a book the catalogue lacks (/commander-un-livre; loi n° 81-766, art. 1:
-- any bookshop orders any available book, one copy, for free), answered by staff at /admin/demandes.
CREATE TYPE "BookRequestStatus" AS ENUM ('open', 'ordered', 'declined');

CREATE TABLE "BookRequest" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "ean" VARCHAR(13),
    "title" TEXT,
    "author" TEXT,
    "publisher" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "fullName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "message" TEXT,
    "status" "BookRequestStatus" NOT NULL DEFAULT 'open',
    "answer" TEXT,
    "orderId" INTEGER,
    "handledById" INTEGER,
    "handledAt" TIMESTAMP(3),
    "submissionKey" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BookRequest_pkey" PRIMARY KEY ("id"),
    -- A book is named: by its EAN, or by its title and author.
    CONSTRAINT "BookRequest_names_a_book" CHECK ("ean" IS NOT NULL OR ("title" IS NOT NULL AND "author" IS NOT NULL)),
    CONSTRAINT "BookRequest_quantity_positive" CHECK ("quantity" > 0)
);

CREATE UNIQUE INDEX "BookRequest_reference_key" ON "BookRequest"("reference");
CREATE UNIQUE INDEX "BookRequest_orderId_key" ON "BookRequest"("orderId");
CREATE UNIQUE INDEX "BookRequest_submissionKey_key" ON "BookRequest"("submissionKey");
CREATE INDEX "BookRequest_status_createdAt_idx" ON "BookRequest"("status", "createdAt");
CREATE INDEX "BookRequest_email_idx" ON "BookRequest"("email");
CREATE INDEX "BookRequest_handledById_idx" ON "BookRequest"("handledById");

ALTER TABLE "BookRequest" ADD CONSTRAINT "BookRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BookRequest" ADD CONSTRAINT "BookRequest_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The e-mails of a request: the outbox now holds e-mails about an order or about a request.
ALTER TYPE "EmailKind" ADD VALUE 'book_request_received';
ALTER TYPE "EmailKind" ADD VALUE 'book_request_answered';

ALTER TABLE "EmailMessage" ALTER COLUMN "orderId" DROP NOT NULL;
ALTER TABLE "EmailMessage" ADD COLUMN "bookRequestId" INTEGER;
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_about_one_thing"
    CHECK (("orderId" IS NULL) <> ("bookRequestId" IS NULL));
CREATE UNIQUE INDEX "EmailMessage_kind_bookRequestId_version_key" ON "EmailMessage"("kind", "bookRequestId", "version");
CREATE INDEX "EmailMessage_bookRequestId_idx" ON "EmailMessage"("bookRequestId");
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_bookRequestId_fkey" FOREIGN KEY ("bookRequestId") REFERENCES "BookRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
