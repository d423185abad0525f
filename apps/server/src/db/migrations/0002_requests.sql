CREATE TABLE "calendar_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_counters" (
	"operator_id" uuid NOT NULL,
	"day" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "request_counters_operator_id_day_pk" PRIMARY KEY("operator_id","day")
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"operator_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"visibility" text DEFAULT 'public' NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"submitter_user_id" uuid,
	"submitter_name" text,
	"submitter_phone" text,
	"kind" text NOT NULL,
	"category_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"building_id" uuid,
	"unit_id" uuid,
	"location_note" text,
	"lat" real,
	"lng" real,
	"status" text NOT NULL,
	"resume_status" text,
	"liaison_id" uuid,
	"department_id" uuid,
	"transfer_status" text DEFAULT 'none' NOT NULL,
	"is_key_issue" boolean DEFAULT false NOT NULL,
	"key_issue_leader_id" uuid,
	"merged_into_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"sla_policy_id" uuid NOT NULL,
	"clock_started_at" timestamp with time zone NOT NULL,
	"accept_by" timestamp with time zone NOT NULL,
	"feedback_by" timestamp with time zone NOT NULL,
	"resolve_by" timestamp with time zone NOT NULL,
	"accept_warn_at" timestamp with time zone NOT NULL,
	"feedback_warn_at" timestamp with time zone NOT NULL,
	"resolve_warn_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"first_feedback_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"paused_at" timestamp with time zone,
	"paused_minutes" integer DEFAULT 0 NOT NULL,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"rectification_by" timestamp with time zone,
	"follow_up_required" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"policy_key" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"category_id" uuid,
	"priority" text,
	"for_key_issue" boolean DEFAULT false NOT NULL,
	"time_mode" text DEFAULT 'working' NOT NULL,
	"accept_minutes" integer NOT NULL,
	"feedback_minutes" integer NOT NULL,
	"resolve_minutes" integer NOT NULL,
	"warn_ratio" real DEFAULT 0.8 NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_categories" ADD CONSTRAINT "request_categories_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_counters" ADD CONSTRAINT "request_counters_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_submitter_user_id_users_id_fk" FOREIGN KEY ("submitter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_category_id_request_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."request_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_liaison_id_staff_id_fk" FOREIGN KEY ("liaison_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_key_issue_leader_id_staff_id_fk" FOREIGN KEY ("key_issue_leader_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_sla_policy_id_sla_policies_id_fk" FOREIGN KEY ("sla_policy_id") REFERENCES "public"."sla_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_category_id_request_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."request_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_overrides_operator_date_uq" ON "calendar_overrides" USING btree ("operator_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "request_categories_operator_code_uq" ON "request_categories" USING btree ("operator_id","code");--> statement-breakpoint
CREATE INDEX "request_categories_parent_idx" ON "request_categories" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_operator_number_uq" ON "service_requests" USING btree ("operator_id","number");--> statement-breakpoint
CREATE INDEX "service_requests_operator_received_idx" ON "service_requests" USING btree ("operator_id","received_at");--> statement-breakpoint
CREATE INDEX "service_requests_park_status_idx" ON "service_requests" USING btree ("park_id","status","resolve_by");--> statement-breakpoint
CREATE INDEX "service_requests_enterprise_idx" ON "service_requests" USING btree ("enterprise_id","received_at");--> statement-breakpoint
CREATE INDEX "service_requests_liaison_status_idx" ON "service_requests" USING btree ("liaison_id","status","resolve_by");--> statement-breakpoint
CREATE INDEX "service_requests_department_idx" ON "service_requests" USING btree ("department_id","transfer_status");--> statement-breakpoint
CREATE INDEX "service_requests_category_idx" ON "service_requests" USING btree ("operator_id","category_id","received_at");--> statement-breakpoint
CREATE INDEX "service_requests_accept_open_idx" ON "service_requests" USING btree ("accept_warn_at") WHERE accepted_at IS NULL AND closed_at IS NULL AND paused_at IS NULL;--> statement-breakpoint
CREATE INDEX "service_requests_feedback_open_idx" ON "service_requests" USING btree ("feedback_warn_at") WHERE first_feedback_at IS NULL AND closed_at IS NULL AND paused_at IS NULL;--> statement-breakpoint
CREATE INDEX "service_requests_resolve_open_idx" ON "service_requests" USING btree ("resolve_warn_at") WHERE resolved_at IS NULL AND closed_at IS NULL AND paused_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sla_policies_key_version_uq" ON "sla_policies" USING btree ("operator_id","policy_key","version");--> statement-breakpoint
CREATE INDEX "sla_policies_current_idx" ON "sla_policies" USING btree ("operator_id","current");