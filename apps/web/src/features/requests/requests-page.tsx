import { useMe } from '../auth/auth.api';
import { MyRequests } from './my-requests';
import { RequestQueue } from './request-queue';

/** /requests: an enterprise contact's own list, or the staff workbench. */
export default function RequestsPage() {
  const { data: me } = useMe();
  if (!me) return null;
  return me.scope.kind === 'enterprise' ? <MyRequests /> : <RequestQueue />;
}
