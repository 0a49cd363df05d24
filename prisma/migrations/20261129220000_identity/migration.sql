-- One person across channels: employees are matched by email regardless of case, and two concurrent first
-- messages with the same email meet on this index (INSERT ... ON CONFLICT) instead of creating two employees.
CREATE UNIQUE INDEX "Employee_email_lower_key" ON "Employee" (lower("email"));

-- The namespace of the user a Direct Line conversation is bound to: the OpenID Connect issuer for employees who
-- signed in on the chat page, empty for users bound by a host page's backend.
ALTER TABLE "DirectLineConversation" ADD COLUMN "userTenant" TEXT;
