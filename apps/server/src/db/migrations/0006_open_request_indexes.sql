-- Open work is ~2% of all requests: partial indexes over open rows serve the queues and the overdue
-- list without touching the closed history (found with bench/ at 1,000,000 requests).
-- The predicates repeat lifecycle.ts OPEN_STATUSES exactly, so the list's `status IN (…)` matches them.
CREATE INDEX "service_requests_open_park_category_idx" ON "service_requests" ("park_id", "category_id", "resolve_by", "id")
  WHERE status IN ('submitted', 'accepted', 'in_progress', 'awaiting_info', 'key_issue');
--> statement-breakpoint
CREATE INDEX "service_requests_open_liaison_idx" ON "service_requests" ("liaison_id", "resolve_by", "id")
  WHERE status IN ('submitted', 'accepted', 'in_progress', 'awaiting_info', 'key_issue');
--> statement-breakpoint
CREATE INDEX "service_requests_unclosed_idx" ON "service_requests" ("operator_id", "received_at")
  INCLUDE ("accepted_at", "accept_by", "first_feedback_at", "feedback_by", "resolved_at", "resolve_by", "paused_at")
  WHERE closed_at IS NULL;
