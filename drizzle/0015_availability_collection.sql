CREATE TABLE "availability_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_calendar_id" uuid NOT NULL,
	"token" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"sent_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"next_action_at" timestamp with time zone,
	"clarified_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_calendars" ADD COLUMN "availability_timezone" text;--> statement-breakpoint
ALTER TABLE "user_calendars" ADD COLUMN "availability_slots" jsonb;--> statement-breakpoint
ALTER TABLE "user_calendars" ADD COLUMN "availability_saved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "availability_request_id" uuid;--> statement-breakpoint
ALTER TABLE "availability_requests" ADD CONSTRAINT "availability_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_requests" ADD CONSTRAINT "availability_requests_user_calendar_id_user_calendars_id_fk" FOREIGN KEY ("user_calendar_id") REFERENCES "public"."user_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "availability_requests_token_idx" ON "availability_requests" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "availability_requests_open_idx" ON "availability_requests" USING btree ("organization_id","user_calendar_id") WHERE status = 'OPEN';--> statement-breakpoint
CREATE INDEX "availability_requests_due_idx" ON "availability_requests" USING btree ("next_action_at") WHERE status = 'OPEN';--> statement-breakpoint
CREATE INDEX "availability_requests_person_idx" ON "availability_requests" USING btree ("organization_id","user_calendar_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_availability_request_idx" ON "messages" USING btree ("availability_request_id") WHERE availability_request_id is not null;