import type { Campaign } from '@/lib/contracts/campaign';

/** How the dashboard names the campaign contract's values (server and client components). */
export const channelLabels: Record<Campaign['channel'], string> = {
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  EMAIL: 'Email',
};
export const languageLabels: Record<Campaign['language'], string> = {
  en: 'English',
  es: 'Spanish (Español)',
  fr: 'French (Français)',
  de: 'German (Deutsch)',
  pt: 'Portuguese (Português)',
};
export const campaignTypeLabels: Record<Campaign['campaignType'], string> = {
  SCHEDULING: 'Scheduling',
  APPLICANT_OUTREACH: 'Applicant outreach',
  NEW_CANDIDATE_OUTREACH: 'New candidate outreach',
  ENGAGEMENT_OUTREACH: 'Engagement outreach',
};
export const closingMethodLabels: Record<Campaign['closingMethod'], string> = {
  CALENDAR_MEETING_INTEGRATION: 'Book an interview (booking link)',
  CUSTOM: 'Send a custom message',
  PHONE_NUMBER: 'Give a phone number to call',
  MEETING_URL: 'Give a meeting link',
};
export const agentToneLabels: Record<Campaign['agentTone'], string> = {
  FRIENDLY: 'Friendly',
  PROFESSIONAL: 'Professional',
  CASUAL: 'Casual',
};
