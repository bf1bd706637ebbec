CREATE TABLE "busy_period_cache" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"busy" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"refreshing_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_invites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_calendar_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dev_calendar_busy" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_calendar_events" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"event_id" text,
	"synced_sequence" integer,
	"cancelled_at" timestamp with time zone,
	"responses" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"announced_at" timestamp with time zone,
	"last_error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"synced_at" timestamp with time zone,
	"polled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_calendars" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "calendar_connections_org_email_idx";--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "account_email" text;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "status" text DEFAULT 'CONNECTED' NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "credentials" text;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "connected_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "calendar_connections" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Before the one-live-connection-per-person index: keep only the newest live connection of each.
UPDATE "calendar_connections" c SET "revoked_at" = now() WHERE c."revoked_at" IS NULL AND EXISTS (SELECT 1 FROM "calendar_connections" d WHERE d."organization_id" = c."organization_id" AND d."email" = c."email" AND d."revoked_at" IS NULL AND d."id" > c."id");--> statement-breakpoint
ALTER TABLE "busy_period_cache" ADD CONSTRAINT "busy_period_cache_connection_id_calendar_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendar_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_invites" ADD CONSTRAINT "calendar_invites_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_invites" ADD CONSTRAINT "calendar_invites_user_calendar_id_user_calendars_id_fk" FOREIGN KEY ("user_calendar_id") REFERENCES "public"."user_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_calendar_busy" ADD CONSTRAINT "dev_calendar_busy_connection_id_calendar_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendar_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_calendar_events" ADD CONSTRAINT "meeting_calendar_events_connection_id_calendar_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendar_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_calendars" ADD CONSTRAINT "user_calendars_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_invites_token_idx" ON "calendar_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "dev_calendar_busy_connection_idx" ON "dev_calendar_busy" USING btree ("connection_id","start_at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_calendars_org_email_idx" ON "user_calendars" USING btree ("organization_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_connections_live_email_idx" ON "calendar_connections" USING btree ("organization_id","email") WHERE revoked_at is null;--> statement-breakpoint
-- Everyone who already appears as a participant or has a connection gets their user-calendar row.
INSERT INTO "user_calendars" ("id", "organization_id", "email", "name") SELECT gen_random_uuid(), "organization_id", lower("email"), min("name") FROM "conversation_participants" GROUP BY "organization_id", lower("email") ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "user_calendars" ("id", "organization_id", "email", "name") SELECT gen_random_uuid(), "organization_id", lower("email"), lower("email") FROM "calendar_connections" GROUP BY "organization_id", lower("email") ON CONFLICT DO NOTHING;
