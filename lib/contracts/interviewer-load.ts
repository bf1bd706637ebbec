/**
 * One interviewer's load this week (DESIGN §4 rule 5, §9): live meetings in the organization on
 * today's date and in this ISO week of `timezone`, beside the strictest limits set for them in
 * the organization's meeting templates and open conversations (null: no limit anywhere).
 */
export type InterviewerLoad = {
  email: string;
  meetingsToday: number;
  meetingsThisWeek: number;
  maxMeetingsPerDay: number | null;
  maxMeetingsPerWeek: number | null;
};

/** The week the loads are counted in: its Monday and Sunday ("YYYY-MM-DD") in `timezone`. */
export type InterviewerLoadWeek = {
  timezone: string;
  from: string;
  to: string;
  loads: InterviewerLoad[];
};
