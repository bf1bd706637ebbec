import { connectStartRoute } from '@/lib/server/http/connect-routes';

export const dynamic = 'force-dynamic';
export const GET = connectStartRoute('MICROSOFT');
