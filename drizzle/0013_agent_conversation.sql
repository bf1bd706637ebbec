CREATE TABLE "contact_opt_outs" (
	"organization_id" uuid NOT NULL,
	"address" text NOT NULL,
	"conversation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_opt_outs_organization_id_address_pk" PRIMARY KEY("organization_id","address")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "send_during_business_hours" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "custom_opening_message" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "application_source" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "agent_state" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "reply_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "last_candidate_message_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "follow_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "author" text DEFAULT 'AGENT' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_opt_outs" ADD CONSTRAINT "contact_opt_outs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_reply_token_idx" ON "conversations" USING btree ("reply_token");--> statement-breakpoint
CREATE INDEX "conversations_follow_up_idx" ON "conversations" USING btree ("follow_up_at") WHERE follow_up_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_provider_inbound_idx" ON "messages" USING btree ("transport","provider_message_id") WHERE direction = 'INBOUND' and provider_message_id is not null;--> statement-breakpoint
CREATE INDEX "messages_provider_idx" ON "messages" USING btree ("provider_message_id") WHERE provider_message_id is not null;--> statement-breakpoint
CREATE INDEX "messages_to_address_idx" ON "messages" USING btree ("to_address","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_open_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE status in ('PENDING', 'SENDING');