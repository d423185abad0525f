-- The next-check instant moves to a narrow table of its own (sla_checks): moving it forward on the wide,
-- heavily indexed service_requests row rewrote every index entry (and the generated search tokens) each time.
DROP TRIGGER IF EXISTS service_requests_sla_next_check ON service_requests;
--> statement-breakpoint
DROP FUNCTION IF EXISTS service_requests_sla_next_check();
--> statement-breakpoint
CREATE TABLE "sla_checks" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"next_check_at" timestamp with time zone NOT NULL,
	"generation" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
DROP INDEX "service_requests_sla_next_check_idx";--> statement-breakpoint
ALTER TABLE "sla_checks" ADD CONSTRAINT "sla_checks_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_checks_next_idx" ON "sla_checks" USING btree ("next_check_at","request_id");--> statement-breakpoint
ALTER TABLE "service_requests" DROP COLUMN "sla_next_check_at";
--> statement-breakpoint
-- Whenever a clock changes (deadlines, completion, pause, close, policy) the request's check is reset to the
-- earliest warning of a running clock (generation + 1, so an in-flight sweep's move loses), or removed when no
-- clock runs. No code path can forget it.
CREATE OR REPLACE FUNCTION service_requests_sla_check() RETURNS trigger AS $$
DECLARE
  next timestamptz;
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.accept_by IS NOT DISTINCT FROM OLD.accept_by AND NEW.feedback_by IS NOT DISTINCT FROM OLD.feedback_by
     AND NEW.resolve_by IS NOT DISTINCT FROM OLD.resolve_by AND NEW.accept_warn_at IS NOT DISTINCT FROM OLD.accept_warn_at
     AND NEW.feedback_warn_at IS NOT DISTINCT FROM OLD.feedback_warn_at AND NEW.resolve_warn_at IS NOT DISTINCT FROM OLD.resolve_warn_at
     AND NEW.accepted_at IS NOT DISTINCT FROM OLD.accepted_at AND NEW.first_feedback_at IS NOT DISTINCT FROM OLD.first_feedback_at
     AND NEW.resolved_at IS NOT DISTINCT FROM OLD.resolved_at AND NEW.closed_at IS NOT DISTINCT FROM OLD.closed_at
     AND NEW.paused_at IS NOT DISTINCT FROM OLD.paused_at AND NEW.sla_policy_id IS NOT DISTINCT FROM OLD.sla_policy_id THEN
    RETURN NULL;
  END IF;
  next := CASE WHEN NEW.closed_at IS NOT NULL OR NEW.paused_at IS NOT NULL THEN NULL
    ELSE LEAST(CASE WHEN NEW.accepted_at IS NULL THEN NEW.accept_warn_at END,
               CASE WHEN NEW.first_feedback_at IS NULL THEN NEW.feedback_warn_at END,
               CASE WHEN NEW.resolved_at IS NULL THEN NEW.resolve_warn_at END) END;
  IF next IS NULL THEN
    IF TG_OP = 'UPDATE' THEN DELETE FROM sla_checks WHERE request_id = NEW.id; END IF;
  ELSE
    INSERT INTO sla_checks (request_id, next_check_at) VALUES (NEW.id, next)
      ON CONFLICT (request_id) DO UPDATE SET next_check_at = EXCLUDED.next_check_at, generation = sla_checks.generation + 1;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER service_requests_sla_check AFTER INSERT OR UPDATE ON service_requests
  FOR EACH ROW EXECUTE FUNCTION service_requests_sla_check();
--> statement-breakpoint
INSERT INTO sla_checks (request_id, next_check_at)
  SELECT id, LEAST(CASE WHEN accepted_at IS NULL THEN accept_warn_at END, CASE WHEN first_feedback_at IS NULL THEN feedback_warn_at END,
                   CASE WHEN resolved_at IS NULL THEN resolve_warn_at END)
    FROM service_requests
   WHERE closed_at IS NULL AND paused_at IS NULL
     AND (accepted_at IS NULL OR first_feedback_at IS NULL OR resolved_at IS NULL);
