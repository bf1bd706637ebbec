DROP INDEX "conversations_org_phone_idx";--> statement-breakpoint
DROP INDEX "conversations_org_email_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_talking_phone_idx" ON "conversations" USING btree ("organization_id","phone_number") WHERE status in ('CREATED', 'ONGOING') and phone_number is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_talking_email_idx" ON "conversations" USING btree ("organization_id","email_address") WHERE status in ('CREATED', 'ONGOING') and email_address is not null;--> statement-breakpoint
CREATE INDEX "conversations_queued_idx" ON "conversations" USING btree ("organization_id","id") WHERE status = 'QUEUED';