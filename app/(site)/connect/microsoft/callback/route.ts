import { connectCallbackRoute } from '@/lib/server/http/connect-routes';

export const dynamic = 'force-dynamic';
export const GET = connectCallbackRoute('MICROSOFT');
