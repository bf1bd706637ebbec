import { connectDevRoute } from '@/lib/server/http/connect-routes';

export const dynamic = 'force-dynamic';
export const POST = connectDevRoute;
