-- Two live meetings of one interviewer can never overlap, whatever the application does:
-- PostgreSQL refuses the second insert (SQLSTATE 23P01), which the booking service maps to 409.
-- btree_gist lets the gist index compare uuid/text with "=" beside the range "&&".
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "meeting_attendees"
  ADD CONSTRAINT "meeting_attendees_no_overlap"
  EXCLUDE USING gist ("organization_id" WITH =, "email" WITH =, "during" WITH &&)
  WHERE ("active" AND "role" = 'INTERVIEWER');
