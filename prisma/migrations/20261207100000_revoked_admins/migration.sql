-- Revoked administrators, kept for audit (`deskbot admins list` shows them): one row per revocation.
CREATE TABLE "RevokedAdmin" (
    "id" TEXT NOT NULL,
    "adminId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevokedAdmin_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RevokedAdmin_email_idx" ON "RevokedAdmin"("email");
