import { Button, Card, Col, Descriptions, Flex, Row, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { requestStatusLabels, type RequestDetail, type RequestStatus } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { dash } from '../../shared/format';
import { QueryState } from '../../shared/query-state';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useCan, useMe } from '../auth/auth.api';
import { ContactActions } from './contact-actions';
import { ChannelText, ClockStateTag, KindTag, RequestStatusTag, useActionLabel } from './labels';
import { useRequest } from './requests.api';
import { StaffActions } from './staff-actions';
import { FollowUps } from './follow-ups';
import { Attachments } from './attachments';
import { fmtLong, fmtShort } from './time';

function Promises({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  const keys = ['accept', 'feedback', 'resolve'] as const;
  return (
    <Card title={t('req.promises')} size="small" style={{ marginBottom: 16 }}>
      <div className="yqt-req-promises">
        {keys.map((k) => {
          const c = r.clocks[k];
          return (
            <div key={k} className="yqt-req-promise" data-state={c.state} data-testid={`promise-${k}`}>
              <Typography.Text strong style={{ fontSize: 13 }}>{t(`req.promise.${k}`)}</Typography.Text>
              <div style={{ fontSize: 12, color: '#555' }}>{t('req.dueBy', { t: fmtShort(c.dueAt) })}</div>
              {c.doneAt ? <div style={{ fontSize: 12, color: '#888', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{t('req.doneAt', { t: fmtShort(c.doneAt) })}</div> : null}
              <div style={{ marginTop: 4 }}><ClockStateTag state={c.state} /></div>
            </div>
          );
        })}
      </div>
    </Card>
  );
}

function RequestTimeline({ r }: { r: RequestDetail }) {
  const { t, label } = useI18n();
  const statusText = (s: string | null) => (s ? label(requestStatusLabels[s as RequestStatus], s) : '');
  const actionText = useActionLabel();
  const events = [...r.timeline].reverse();
  return (
    <Card title={t('req.timeline')} size="small" style={{ marginBottom: 16 }} data-testid="request-timeline">
      <Timeline
        items={events.map((e) => {
          const rating = e.action === 'rate' && r.rating ? r.rating : null;
          return {
            key: e.id,
            color: e.visibility === 'internal' ? 'gray' : e.action === 'reopen' || e.action === 'reject' ? 'red' : e.toStatus === 'resolved' || e.toStatus === 'closed' ? 'green' : 'blue',
            content: (
              <div data-testid="timeline-entry" data-visibility={e.visibility}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>{actionText(e.action)}</Typography.Text>
                  {e.visibility === 'internal' ? <Tag icon={<LockOutlined />} color="default" data-testid="timeline-internal">{t('req.internal')}</Tag> : null}
                  {e.toStatus && e.fromStatus !== e.toStatus ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.fromStatus ? `${statusText(e.fromStatus)} → ` : ''}{statusText(e.toStatus)}
                    </Typography.Text>
                  ) : null}
                  {rating ? <Tag color={rating <= 2 ? 'red' : 'green'}>{t(`req.rating.${rating as 1 | 2 | 3 | 4 | 5}`)}</Tag> : null}
                </Flex>
                <div style={{ fontSize: 12, color: '#888' }}>
                  {fmtLong(e.at)}{e.actorName ? ` · ${e.actorName}` : ''}
                </div>
                {e.note ? <div className="yqt-req-desc" style={{ marginTop: 4 }}>{e.note}</div> : null}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}

function Details({ r, staff }: { r: RequestDetail; staff: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  return (
    <Card title={t('req.details')} size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph className="yqt-req-desc" data-testid="request-description-text">{r.description}</Typography.Paragraph>
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('req.kind')}><KindTag kind={r.kind} /></Descriptions.Item>
        <Descriptions.Item label={t('req.category')}>{r.categoryName}</Descriptions.Item>
        <Descriptions.Item label={t('req.receivedAtShort')}>{fmtLong(r.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('req.channel')}><ChannelText channel={r.channel} /></Descriptions.Item>
        {staff ? (
          <Descriptions.Item label={t('req.enterprise')}>
            {can('enterprises.read') ? <Link to={`/enterprises/${r.enterpriseId}`} data-testid="request-enterprise-link">{r.enterpriseName}</Link> : r.enterpriseName}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('req.park')}>{r.parkName}</Descriptions.Item>
        <Descriptions.Item label={t('req.liaison')}>{dash(r.liaisonName)}</Descriptions.Item>
        {staff && r.departmentName ? (
          <Descriptions.Item label={t('req.department')}>
            {r.departmentName}
            {r.transferStatus !== 'none' ? <Tag style={{ marginInlineStart: 6 }} color={r.transferStatus === 'handed_back' ? 'orange' : r.transferStatus === 'accepted' ? 'green' : 'gold'} data-testid="transfer-status">{t(`req.transfer.${r.transferStatus}`)}</Tag> : null}
          </Descriptions.Item>
        ) : null}
        {r.rectificationBy ? <Descriptions.Item label={t('req.rectificationBy')}>{fmtLong(r.rectificationBy)}</Descriptions.Item> : null}
        <Descriptions.Item label={t('req.locationNote')}>{dash(r.locationNote)}</Descriptions.Item>
        {r.submitterName || r.submitterPhone ? (
          <Descriptions.Item label={t('req.submitterName')}>
            {dash(r.submitterName)}
            {r.submitterPhone ? <> · <a href={`tel:${r.submitterPhone}`}>{r.submitterPhone}</a></> : null}
          </Descriptions.Item>
        ) : null}
        {staff ? <Descriptions.Item label={t('req.policy')}>{`${r.slaPolicy.name} v${r.slaPolicy.version}`}</Descriptions.Item> : null}
        {staff ? <Descriptions.Item label={t('req.clockStartedAt')}>{fmtLong(r.clockStartedAt)}</Descriptions.Item> : null}
        {r.reopenCount ? <Descriptions.Item label={t('req.reopenCount')}>{r.reopenCount}</Descriptions.Item> : null}
        {r.rating ? (
          <Descriptions.Item label={t('req.rating')}>
            <Tag color={r.rating <= 2 ? 'red' : 'green'}>{t(`req.rating.${r.rating as 1 | 2 | 3 | 4 | 5}`)}</Tag>
            {r.ratingComment ?? ''}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

export default function RequestDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { data: me } = useMe();
  const isMobile = useIsMobile();
  const q = useRequest(id);
  const r = q.data;
  const staff = me?.scope.kind !== 'enterprise';
  // The server decides; the button shows for the enterprise and for staff who may work the request.
  const canAttach = !!r && !r.closedAt && (!staff || r.allowedActions.some((a) => ['accept', 'feedback', 'resolve', 'returnForInfo'].includes(a)));
  const contactActs = !!r?.allowedActions.some((a) => a === 'reply' || a === 'confirm' || (a === 'rate' && r.rating === null) || a === 'reopen');

  return (
    <div className="yqt-page">
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {r ? (
          <>
            <Flex align="start" gap={4} style={{ marginBottom: 12 }}>
              <Link to="/requests"><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} /></Link>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="request-title-text">{r.title}</Typography.Title>
                <Flex wrap gap={4} style={{ marginTop: 4 }} align="center">
                  <RequestStatusTag status={r.status} testId="request-status" />
                  {r.priority === 'urgent' ? <Tag color="red">{t('req.urgentTag')}</Tag> : null}
                  {r.isKeyIssue ? <Tag color="magenta">{t('req.keyIssue')}</Tag> : null}
                  <Typography.Text type="secondary" copyable style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="request-number">{r.number}</Typography.Text>
                </Flex>
              </div>
            </Flex>
            {isMobile ? (
              <>
                <Promises r={r} />
                {staff ? <StaffActions request={r} /> : contactActs ? <div style={{ marginBottom: 16 }}><ContactActions request={r} /></div> : null}
                <Details r={r} staff={staff} />
                <Attachments r={r} canAdd={canAttach} />
                {staff ? <FollowUps r={r} /> : null}
                <RequestTimeline r={r} />
              </>
            ) : (
              <Row gutter={16}>
                <Col xs={24} lg={15}>
                  <Details r={r} staff={staff} />
                  <Attachments r={r} canAdd={canAttach} />
                  <RequestTimeline r={r} />
                </Col>
                <Col xs={24} lg={9}>
                  <Promises r={r} />
                  {staff ? <StaffActions request={r} /> : contactActs ? <Card size="small" style={{ marginBottom: 16 }}><ContactActions request={r} /></Card> : null}
                  {staff ? <FollowUps r={r} /> : null}
                </Col>
              </Row>
            )}
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
