import { Alert, Button, Card, Col, Descriptions, Flex, Row, Steps, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, ClockCircleOutlined, LockOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { applicationStatusLabels, type ApplicationDetail, type ApplicationStatus } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import type { DictKey } from '../../app/dict';
import { dash, fmtDate } from '../../shared/format';
import { QueryState } from '../../shared/query-state';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useCan, useMe } from '../auth/auth.api';
import { fmtLong } from '../requests/time';
import { ApplicationActions } from './application-actions';
import { useApplication } from './applications.api';
import { ApplicationStatusTag, fmtNum, useTimelineLabel, useWan } from './labels';
import { MaterialsCard } from './materials-card';

/** 提交 → 预审 → 审核 → 兑现, with where this application stands. */
function Progress({ a }: { a: ApplicationDetail }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const at: Record<ApplicationStatus, number> = { submitted: 1, returned: 1, prechecked: 2, approved: 3, rejected: 2, disbursed: 4, withdrawn: 0 };
  const current = at[a.status];
  const status = a.status === 'rejected' ? 'error' : a.status === 'returned' ? 'error' : a.status === 'disbursed' ? 'finish' : 'process';
  if (a.status === 'withdrawn') return null;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Steps
        size="small"
        orientation={isMobile ? 'vertical' : 'horizontal'}
        current={Math.min(current, 3)}
        status={current >= 4 ? 'finish' : status}
        items={[
          { title: t('apl.step.submit'), content: fmtDate(a.submittedAt) },
          { title: a.status === 'returned' ? t('apl.step.returned') : t('apl.step.precheck') },
          { title: a.status === 'rejected' ? t('apl.step.rejected') : t('apl.step.review'), content: a.decidedAt ? fmtDate(a.decidedAt) : undefined },
          { title: t('apl.step.disburse'), content: a.disbursedOn ?? undefined },
        ]}
      />
    </Card>
  );
}

function StepDeadline({ a }: { a: ApplicationDetail }) {
  const { t } = useI18n();
  if (!a.step || !a.stepDueAt) return null;
  return (
    <Alert
      type={a.overdue ? 'error' : 'info'}
      showIcon
      icon={<ClockCircleOutlined />}
      style={{ marginBottom: 16 }}
      title={t('apl.stepDue', { step: t(`apl.stepName.${a.step}` as DictKey), at: fmtLong(a.stepDueAt) })}
      description={a.overdue ? t('apl.overdue') : undefined}
      data-testid="application-step-due"
    />
  );
}

function Info({ a, staff }: { a: ApplicationDetail; staff: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const wan = useWan();
  return (
    <Card size="small" title={t('apl.sec.info')} style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('apl.policy')} span={2}>
          <Link to={`/p/policies/${a.policyId}`}>{a.policy.title}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('apl.enterprise')}>
          {staff && can('enterprises.read') ? <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link> : a.enterpriseName}
        </Descriptions.Item>
        <Descriptions.Item label={t('apl.park')}>{a.parkName}</Descriptions.Item>
        <Descriptions.Item label={t('apl.liaison')}>{dash(a.enterprise.liaisonName)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.department')}>{dash(a.departmentName)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.submittedAt')}>{fmtLong(a.submittedAt)}</Descriptions.Item>
        {a.decidedAt ? <Descriptions.Item label={t('apl.decidedAt')}>{fmtLong(a.decidedAt)}</Descriptions.Item> : null}
        <Descriptions.Item label={t('apl.requestedAmount')}>{wan(a.requestedAmountWan)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.maxAmount')}>{wan(a.policy.maxAmountWan)}</Descriptions.Item>
        {a.approvedAmountWan !== null ? (
          <Descriptions.Item label={t('apl.approvedAmount')}>
            <Typography.Text strong style={{ color: '#389e0d' }} data-testid="application-approved-amount">{wan(a.approvedAmountWan)}</Typography.Text>
          </Descriptions.Item>
        ) : null}
        {a.status === 'disbursed' ? (
          <>
            <Descriptions.Item label={t('apl.disbursedAmount')}>{wan(a.disbursedAmountWan ?? a.approvedAmountWan)}</Descriptions.Item>
            <Descriptions.Item label={t('apl.disbursedOn')}>{dash(a.disbursedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('apl.reference')}>{dash(a.disbursementRef)}</Descriptions.Item>
          </>
        ) : null}
        {a.rejectReason ? (
          <Descriptions.Item label={t('apl.rejectReason')} span={2}>
            <Typography.Text type="danger">{a.rejectReason}</Typography.Text>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

function FormCard({ a }: { a: ApplicationDetail }) {
  const { t } = useI18n();
  const f = a.form;
  const num = (v: number | null | undefined, unit?: string) => (v === null || v === undefined ? '—' : `${fmtNum(v)}${unit ? ` ${unit}` : ''}`);
  return (
    <Card size="small" title={t('apl.sec.form')} style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, sm: 2, md: 2 }} size="small">
        <Descriptions.Item label={t('apl.f.enterpriseName')}>{dash(f.enterpriseName)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.creditCode')}>{dash(f.creditCode)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.legalRepresentative')}>{dash(f.legalRepresentative)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.address')}>{dash(f.address)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.contactName')}>{dash(f.contactName)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.contactPhone')}>{f.contactPhone ? <a href={`tel:${f.contactPhone}`}>{f.contactPhone}</a> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.indicatorYear')}>{dash(f.indicatorYear)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.operatingRevenue')}>{num(f.operatingRevenue, t('ind.unit.wan'))}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.rdExpense')}>{num(f.rdExpense, t('ind.unit.wan'))}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.netProfit')}>{num(f.netProfit, t('ind.unit.wan'))}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.totalAssets')}>{num(f.totalAssets, t('ind.unit.wan'))}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.totalStaff')}>{num(f.totalStaff)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.rdStaff')}>{num(f.rdStaff)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.ipClass1')}>{num(f.ipClass1)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.ipClass2')}>{num(f.ipClass2)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.f.statement')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{dash(f.statement)}</span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function ApplicationTimeline({ a }: { a: ApplicationDetail }) {
  const { t, label } = useI18n();
  const actionText = useTimelineLabel();
  const statusText = (s: string) => label(applicationStatusLabels[s as ApplicationStatus], s);
  const color = (action: string, vis: string) =>
    vis === 'internal' ? 'gray' : action === 'reject' || action === 'return' ? 'red' : action === 'approve' || action === 'disburse' ? 'green' : action === 'withdraw' ? 'gray' : 'blue';
  return (
    <Card size="small" title={t('apl.sec.timeline')} style={{ marginBottom: 16 }}>
      <Timeline
        items={[...a.timeline].reverse().map((e) => ({
          key: e.id,
          color: color(e.action, e.visibility),
          content: (
            <div data-testid="timeline-entry" data-action={e.action} data-visibility={e.visibility}>
              <Flex gap={6} wrap align="center">
                <Typography.Text strong>{actionText(e.action)}</Typography.Text>
                {e.visibility === 'internal' ? <Tag icon={<LockOutlined />}>{t('apl.internal')}</Tag> : null}
                {e.fromStatus !== e.toStatus ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.fromStatus ? `${statusText(e.fromStatus)} → ` : ''}
                    <span data-testid="timeline-to-status">{statusText(e.toStatus)}</span>
                  </Typography.Text>
                ) : null}
              </Flex>
              <div style={{ fontSize: 12, color: '#888' }}>
                {fmtLong(e.at)}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </div>
              {e.note ? <div style={{ marginTop: 4, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{e.note}</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** /applications/:id — one application: progress, step deadline, actions, amounts, form, materials, timeline. */
export default function ApplicationDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { data: me } = useMe();
  const isMobile = useIsMobile();
  const q = useApplication(id);
  const a = q.data;
  const staff = me?.scope.kind !== 'enterprise';
  const returnReason = a ? [...a.timeline].reverse().find((e) => e.action === 'return')?.note : null;

  return (
    <div className="yqt-page">
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {a ? (
          <>
            <Flex align="start" gap={4} style={{ marginBottom: 12 }}>
              <Link to="/applications"><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} /></Link>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }} data-testid="application-title">{a.policyTitle}</Typography.Title>
                <Flex wrap gap={6} style={{ marginTop: 4 }} align="center">
                  <ApplicationStatusTag status={a.status} testId="application-status" />
                  <Typography.Text type="secondary" copyable style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="application-number">{a.number}</Typography.Text>
                  {staff ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.enterpriseName}</Typography.Text> : null}
                </Flex>
              </div>
            </Flex>
            {a.status === 'returned' ? (
              <Alert
                type="warning"
                showIcon
                title={staff ? t('apl.returnedStaff') : t('apl.returnedHint')}
                description={returnReason ? t('apl.returnReason', { reason: returnReason }) : undefined}
                style={{ marginBottom: 16 }}
                data-testid="application-returned"
              />
            ) : null}
            {isMobile ? (
              <>
                <StepDeadline a={a} />
                <Progress a={a} />
                <ApplicationActions app={a} staff={staff} />
                <Info a={a} staff={staff} />
                <MaterialsCard app={a} />
                <ApplicationTimeline a={a} />
                <FormCard a={a} />
              </>
            ) : (
              <>
                <Progress a={a} />
                <Row gutter={16}>
                  <Col xs={24} lg={15}>
                    <Info a={a} staff={staff} />
                    <FormCard a={a} />
                    <MaterialsCard app={a} />
                  </Col>
                  <Col xs={24} lg={9}>
                    <StepDeadline a={a} />
                    <ApplicationActions app={a} staff={staff} />
                    <ApplicationTimeline a={a} />
                  </Col>
                </Row>
              </>
            )}
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
