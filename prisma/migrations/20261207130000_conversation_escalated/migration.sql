-- Whether a conversation has an open (not resolved) escalation, for the turn to ask in the statement that locks the
-- conversation row. VOLATILE on purpose: its query takes a fresh snapshot when it runs, after the lock was granted, so
-- it sees an escalation that a transaction holding the lock committed while the turn waited. A subquery in the
-- locking statement itself would read the snapshot taken before that wait and miss it.
CREATE FUNCTION "conversation_escalated"(conversation_id text) RETURNS boolean
LANGUAGE sql VOLATILE
RETURN EXISTS (SELECT 1 FROM "Escalation" WHERE "conversationId" = conversation_id AND "status" <> 'resolved')
