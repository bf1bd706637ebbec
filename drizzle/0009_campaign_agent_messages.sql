ALTER TABLE "campaigns" ADD COLUMN "closing_message" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "rejection_message" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "agent_instructions" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "nudge_count" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "nudge_interval_hours" integer DEFAULT 24 NOT NULL;