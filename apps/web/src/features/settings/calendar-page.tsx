import { useMemo, useState } from 'react';
import { Alert, Button, Calendar, Card, Col, Descriptions, Empty, Flex, Form, Input, List, Modal, Popconfirm, Radio, Row, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n';
import type { DictKey } from '../../app/dict';
import { applyServerErrors } from '../../shared/form-errors';
import { notifySuccess } from '../../shared/notify';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useCalendar, useDeleteOverride, useOverrides, usePutOverride, type CalDay } from './settings.api';

const kindColor: Record<CalDay['kind'], string> = { workday: 'default', weekend: 'default', holiday: 'red', makeup: 'orange' };
const kindKey = (k: CalDay['kind']) => `set.cal.kind.${k}` as DictKey;

/** Fetch the viewed year plus the days the month grid shows from the neighbouring years (≤ 400 days). */
function rangeOf(year: number) {
  return { from: `${year - 1}-12-18`, to: `${year + 1}-01-14` };
}

function DayDialog({ day, onClose }: { day: CalDay; onClose: () => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<{ kind: 'workday' | 'holiday'; name?: string }>();
  const put = usePutOverride();
  const del = useDeleteOverride();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await put.mutateAsync({ date: day.date, kind: v.kind, name: v.name?.trim() || null });
      notifySuccess(t('common.saved'));
      onClose();
    } catch (e) {
      applyServerErrors(form, e);
    }
  };
  return (
    <Modal
      open
      title={`${day.date} ${dayjs(day.date).format('dddd')}`}
      onCancel={onClose}
      width={isMobile ? '100%' : 460}
      footer={
        <Flex justify="space-between" gap={8} wrap>
          {day.source === 'override' ? (
            <Button danger loading={del.isPending} onClick={() => del.mutate(day.date, { onSuccess: () => { notifySuccess(t('set.cal.restored')); onClose(); } })} data-testid="cal-restore">
              {t('set.cal.restore')}
            </Button>
          ) : <span />}
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={put.isPending} onClick={() => void save()} data-testid="cal-save">{t('common.save')}</Button>
          </Flex>
        </Flex>
      }
    >
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('set.cal.now')}>
          <Tag color={kindColor[day.kind]}>{t(kindKey(day.kind))}</Tag>
          {day.name ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('set.cal.source')}>{t(`set.cal.source.${day.source}`)}</Descriptions.Item>
      </Descriptions>
      {!day.covered ? <Alert type="warning" showIcon title={t('set.cal.uncoveredDay')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: day.workday ? 'holiday' : 'workday', name: day.source === 'override' ? (day.name ?? '') : '' }}>
        <Form.Item name="kind" label={t('set.cal.setAs')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'workday', label: t('set.cal.asWorkday') },
              { value: 'holiday', label: t('set.cal.asHoliday') },
            ]}
            data-testid="cal-kind"
          />
        </Form.Item>
        <Form.Item name="name" label={t('set.cal.name')} rules={[{ max: 30 }]}>
          <Input maxLength={30} placeholder={t('set.cal.namePh')} data-testid="cal-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 工作日历: statutory holidays and make-up days (from the package), and the operator's own adjustments. */
export default function CalendarPage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [value, setValue] = useState<Dayjs>(() => dayjs());
  const [open, setOpen] = useState<CalDay | null>(null);
  const { from, to } = rangeOf(value.year());
  const cal = useCalendar(from, to);
  const overrides = useOverrides();
  const del = useDeleteOverride();
  const byDate = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.date, d])), [cal.data]);
  const uncoveredYears = useMemo(() => {
    const ys = new Set<number>();
    for (const d of cal.data?.days ?? []) if (!d.covered) ys.add(Number(d.date.slice(0, 4)));
    return [...ys].sort();
  }, [cal.data]);

  const cell = (date: Dayjs) => {
    const key = date.format('YYYY-MM-DD');
    const d = byDate.get(key);
    const inMonth = date.month() === value.month();
    const selected = date.isSame(value, 'day');
    return (
      <div
        className={`yqt-cal-cell${inMonth ? '' : ' yqt-cal-out'}${selected ? ' yqt-cal-selected' : ''}`}
        data-kind={d?.kind ?? 'unknown'}
        data-source={d?.source}
        data-date={key}
        data-testid="cal-day"
      >
        <Flex justify="space-between" align="center">
          <span className="yqt-cal-num">{date.date()}</span>
          {d && (d.kind === 'holiday' || d.kind === 'makeup' || d.kind === 'weekend') ? (
            <span className="yqt-cal-badge">{t(`set.cal.badge.${d.kind}`)}</span>
          ) : null}
        </Flex>
        {!isMobile && d?.name ? <div className="yqt-cal-name">{d.name}</div> : null}
        {d?.source === 'override' ? <span className="yqt-cal-override" title={t('set.cal.source.override')} /> : null}
      </div>
    );
  };

  return (
    <Page title={t('set.calendar')}>
      {uncoveredYears.map((y) => (
        <Alert key={y} type="warning" showIcon title={t('set.cal.uncovered', { y })} style={{ marginBottom: 12 }} data-testid="cal-uncovered" />
      ))}
      <Alert type="info" showIcon title={t('set.cal.explain')} style={{ marginBottom: 12 }} />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card size="small" style={{ marginBottom: 16 }} data-testid="cal-card">
            <Flex gap={8} wrap style={{ marginBottom: 8 }}>
              {(['workday', 'weekend', 'holiday', 'makeup'] as const).map((k) => (
                <span key={k} className="yqt-cal-legend" data-kind={k}>{t(kindKey(k))}</span>
              ))}
              <span className="yqt-cal-legend" data-kind="override"><span className="yqt-cal-override" style={{ position: 'static', display: 'inline-block', marginInlineEnd: 4 }} />{t('set.cal.source.override')}</span>
            </Flex>
            <Calendar
              value={value}
              fullscreen={!isMobile}
              className="yqt-cal"
              onPanelChange={(d) => setValue(d)}
              onSelect={(d, info) => {
                setValue(d);
                if (info.source !== 'date') return;
                const day = byDate.get(d.format('YYYY-MM-DD'));
                if (day) setOpen(day);
              }}
              fullCellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={t('set.cal.overrides')} data-testid="cal-overrides">
            <List
              loading={overrides.isLoading}
              dataSource={[...(overrides.data?.items ?? [])].sort((a, b) => b.date.localeCompare(a.date))}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('set.cal.noOverrides')} /> }}
              renderItem={(o) => (
                <List.Item
                  data-testid="cal-override-row"
                  data-date={o.date}
                  actions={[
                    <Popconfirm key="d" title={t('set.cal.restoreConfirm')} onConfirm={() => del.mutateAsync(o.date)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('set.cal.restore')} />
                    </Popconfirm>,
                  ]}
                >
                  <div>
                    <a onClick={() => setValue(dayjs(o.date))}>{o.date}</a>{' '}
                    <Tag color={o.kind === 'holiday' ? 'red' : 'orange'}>{o.kind === 'holiday' ? t('set.cal.asHoliday') : t('set.cal.asWorkday')}</Tag>
                    {o.name ? <Typography.Text type="secondary">{o.name}</Typography.Text> : null}
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {open ? <DayDialog key={open.date} day={open} onClose={() => setOpen(null)} /> : null}
    </Page>
  );
}
