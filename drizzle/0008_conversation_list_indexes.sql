CREATE INDEX "conversations_org_created_idx" ON "conversations" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "conversations_org_status_created_idx" ON "conversations" USING btree ("organization_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "conversations_org_campaign_status_created_idx" ON "conversations" USING btree ("organization_id","campaign_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "conversations_org_campaign_created_idx" ON "conversations" USING btree ("organization_id","campaign_id","created_at","id");--> statement-breakpoint
CREATE INDEX "conversations_org_scheduling_created_idx" ON "conversations" USING btree ("organization_id","scheduling_status","created_at","id");--> statement-breakpoint
CREATE INDEX "conversations_org_review_created_idx" ON "conversations" USING btree ("organization_id","created_at","id") WHERE needs_review;--> statement-breakpoint
CREATE INDEX "conversations_org_email_search_idx" ON "conversations" USING btree ("organization_id",lower("email_address") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "conversations_org_phone_search_idx" ON "conversations" USING btree ("organization_id",reverse(regexp_replace("phone_number", '[^0-9]', '', 'g')) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "conversations_org_name_search_idx" ON "conversations" USING btree ("organization_id",lower("first_name" || ' ' || coalesce("last_name", '')) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "conversations_org_last_name_search_idx" ON "conversations" USING btree ("organization_id",lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" USING btree ("event_id");