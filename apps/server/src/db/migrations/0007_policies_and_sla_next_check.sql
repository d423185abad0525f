CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"key" text,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"level" text NOT NULL,
	"doc_number" text,
	"published_on" date,
	"effective_from" date,
	"expires_on" date,
	"apply_from" date,
	"apply_until" date,
	"benefit_type" text NOT NULL,
	"max_amount_wan" numeric(14, 2),
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"full_text" text DEFAULT '' NOT NULL,
	"interpretation" jsonb NOT NULL,
	"rules" jsonb,
	"department_id" uuid,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"rules_version" integer DEFAULT 1 NOT NULL,
	"search_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_guides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"department" text NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"time_limit" text DEFAULT '' NOT NULL,
	"fees" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"online_url" text,
	"faq" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"search_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_indicator_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"operating_revenue" numeric(16, 2),
	"main_business_revenue" numeric(16, 2),
	"rd_expense" numeric(16, 2),
	"rd_staff" integer,
	"total_staff" integer,
	"total_assets" numeric(16, 2),
	"total_liabilities" numeric(16, 2),
	"net_profit" numeric(16, 2),
	"export_revenue" numeric(16, 2),
	"equity_financing" numeric(16, 2),
	"ip_class1" integer,
	"ip_class2" integer,
	"rd_institution_level" text,
	"emerging_industry" text,
	"credit_standing" text,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"certificate_no" text,
	"obtained_on" date NOT NULL,
	"valid_until" date,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"note" text,
	"visibility" text DEFAULT 'public' NOT NULL,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"item" text NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"number" text NOT NULL,
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"liaison_id" uuid,
	"department_id" uuid,
	"submitted_by_user_id" uuid,
	"status" text NOT NULL,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"declaration_accepted" boolean DEFAULT false NOT NULL,
	"requested_amount_wan" numeric(14, 2),
	"approved_amount_wan" numeric(14, 2),
	"disbursed_amount_wan" numeric(14, 2),
	"disbursed_on" date,
	"disbursement_ref" text,
	"reject_reason" text,
	"step_due_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_follow_ups" (
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"liaison_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_follow_ups_policy_id_enterprise_id_pk" PRIMARY KEY("policy_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "policy_matches" (
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"missing_count" integer DEFAULT 0 NOT NULL,
	"rules_version" integer NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_matches_policy_id_enterprise_id_pk" PRIMARY KEY("policy_id","enterprise_id")
);
--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "sla_next_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_attachments" ADD CONSTRAINT "policy_attachments_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_attachments" ADD CONSTRAINT "policy_attachments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_guides" ADD CONSTRAINT "service_guides_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_indicator_history" ADD CONSTRAINT "enterprise_indicator_history_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_indicator_history" ADD CONSTRAINT "enterprise_indicator_history_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_indicators" ADD CONSTRAINT "enterprise_indicators_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_indicators" ADD CONSTRAINT "enterprise_indicators_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_qualifications" ADD CONSTRAINT "enterprise_qualifications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_qualifications" ADD CONSTRAINT "enterprise_qualifications_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_policy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."policy_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_application_id_policy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."policy_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_liaison_id_staff_id_fk" FOREIGN KEY ("liaison_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_follow_ups" ADD CONSTRAINT "policy_follow_ups_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_follow_ups" ADD CONSTRAINT "policy_follow_ups_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_follow_ups" ADD CONSTRAINT "policy_follow_ups_liaison_id_staff_id_fk" FOREIGN KEY ("liaison_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_follow_ups" ADD CONSTRAINT "policy_follow_ups_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_matches" ADD CONSTRAINT "policy_matches_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_matches" ADD CONSTRAINT "policy_matches_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policies_operator_key_uq" ON "policies" USING btree ("operator_id","key");--> statement-breakpoint
CREATE INDEX "policies_operator_status_published_idx" ON "policies" USING btree ("operator_id","status","published_on");--> statement-breakpoint
CREATE INDEX "policies_operator_level_idx" ON "policies" USING btree ("operator_id","level");--> statement-breakpoint
CREATE INDEX "policies_operator_benefit_idx" ON "policies" USING btree ("operator_id","benefit_type");--> statement-breakpoint
CREATE INDEX "policies_apply_until_idx" ON "policies" USING btree ("operator_id","apply_until");--> statement-breakpoint
CREATE INDEX "policies_tags_gin" ON "policies" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "policies_search_tokens_gin" ON "policies" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "policy_attachments_policy_idx" ON "policy_attachments" USING btree ("policy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_policy_version_uq" ON "policy_versions" USING btree ("policy_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "service_guides_operator_code_uq" ON "service_guides" USING btree ("operator_id","code");--> statement-breakpoint
CREATE INDEX "service_guides_operator_category_idx" ON "service_guides" USING btree ("operator_id","category","name");--> statement-breakpoint
CREATE INDEX "service_guides_search_tokens_gin" ON "service_guides" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "enterprise_indicator_history_enterprise_idx" ON "enterprise_indicator_history" USING btree ("enterprise_id","year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_indicators_enterprise_year_uq" ON "enterprise_indicators" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "enterprise_qualifications_enterprise_idx" ON "enterprise_qualifications" USING btree ("enterprise_id","kind");--> statement-breakpoint
CREATE INDEX "enterprise_qualifications_kind_idx" ON "enterprise_qualifications" USING btree ("kind","valid_until");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "application_materials_application_idx" ON "application_materials" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_applications_operator_number_uq" ON "policy_applications" USING btree ("operator_id","number");--> statement-breakpoint
CREATE INDEX "policy_applications_operator_status_idx" ON "policy_applications" USING btree ("operator_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "policy_applications_enterprise_idx" ON "policy_applications" USING btree ("enterprise_id","submitted_at");--> statement-breakpoint
CREATE INDEX "policy_applications_policy_idx" ON "policy_applications" USING btree ("policy_id","status");--> statement-breakpoint
CREATE INDEX "policy_applications_park_idx" ON "policy_applications" USING btree ("park_id","submitted_at");--> statement-breakpoint
CREATE INDEX "policy_applications_liaison_idx" ON "policy_applications" USING btree ("liaison_id","status");--> statement-breakpoint
CREATE INDEX "policy_applications_department_idx" ON "policy_applications" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "policy_follow_ups_liaison_idx" ON "policy_follow_ups" USING btree ("liaison_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "policy_follow_ups_enterprise_idx" ON "policy_follow_ups" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "policy_matches_enterprise_idx" ON "policy_matches" USING btree ("enterprise_id","verdict");--> statement-breakpoint
CREATE INDEX "policy_matches_policy_verdict_idx" ON "policy_matches" USING btree ("policy_id","verdict");--> statement-breakpoint
CREATE INDEX "service_requests_sla_next_check_idx" ON "service_requests" USING btree ("sla_next_check_at") WHERE sla_next_check_at IS NOT NULL;--> statement-breakpoint
-- The SLA sweep reads only rows whose sla_next_check_at has come. Whenever a clock changes (deadlines,
-- completion, pause, close) this trigger resets it to the earliest warning of a still-running clock, so no
-- code path can forget it; the sweep then moves it forward past what it has fired.
CREATE OR REPLACE FUNCTION service_requests_sla_next_check() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT'
     OR NEW.accept_by IS DISTINCT FROM OLD.accept_by OR NEW.feedback_by IS DISTINCT FROM OLD.feedback_by
     OR NEW.resolve_by IS DISTINCT FROM OLD.resolve_by OR NEW.accept_warn_at IS DISTINCT FROM OLD.accept_warn_at
     OR NEW.feedback_warn_at IS DISTINCT FROM OLD.feedback_warn_at OR NEW.resolve_warn_at IS DISTINCT FROM OLD.resolve_warn_at
     OR NEW.accepted_at IS DISTINCT FROM OLD.accepted_at OR NEW.first_feedback_at IS DISTINCT FROM OLD.first_feedback_at
     OR NEW.resolved_at IS DISTINCT FROM OLD.resolved_at OR NEW.closed_at IS DISTINCT FROM OLD.closed_at
     OR NEW.paused_at IS DISTINCT FROM OLD.paused_at OR NEW.sla_policy_id IS DISTINCT FROM OLD.sla_policy_id THEN
    NEW.sla_next_check_at := CASE WHEN NEW.closed_at IS NOT NULL OR NEW.paused_at IS NOT NULL THEN NULL
      ELSE LEAST(CASE WHEN NEW.accepted_at IS NULL THEN NEW.accept_warn_at END,
                 CASE WHEN NEW.first_feedback_at IS NULL THEN NEW.feedback_warn_at END,
                 CASE WHEN NEW.resolved_at IS NULL THEN NEW.resolve_warn_at END) END;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER service_requests_sla_next_check BEFORE INSERT OR UPDATE ON service_requests
  FOR EACH ROW EXECUTE FUNCTION service_requests_sla_next_check();
--> statement-breakpoint
UPDATE service_requests SET sla_next_check_at = LEAST(CASE WHEN accepted_at IS NULL THEN accept_warn_at END,
    CASE WHEN first_feedback_at IS NULL THEN feedback_warn_at END, CASE WHEN resolved_at IS NULL THEN resolve_warn_at END)
  WHERE closed_at IS NULL AND paused_at IS NULL;
