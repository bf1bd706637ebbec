ALTER TABLE "meeting_templates" ADD COLUMN "availability_method" text DEFAULT 'COLLECTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD COLUMN "max_meetings_per_day" integer;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD COLUMN "max_meetings_per_week" integer;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "availability_method" text DEFAULT 'COLLECTIVE' NOT NULL;