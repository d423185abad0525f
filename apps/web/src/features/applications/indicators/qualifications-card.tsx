import { useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, Flex, Form, Input, List, Modal, Popconfirm, Row, Select, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { qualificationKinds, qualificationLabels, type Qualification, type QualificationKind } from '@yqt/contracts';
import { useI18n } from '../../../app/i18n';
import { saveCallbacks } from '../../../shared/form-errors';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useQualificationMutations } from './indicators.api';

type FormValues = { kind: QualificationKind; certificateNo?: string; obtainedOn: Dayjs; validUntil?: Dayjs | null };

/** 有效 / 已过期 / 未生效 (obtained later than today), from the server's validNow and the dates. */
export function QualificationValidity({ q }: { q: Qualification }) {
  const { t } = useI18n();
  if (q.validNow) return <Tag color="green">{t('ind.q.valid')}</Tag>;
  if (q.validUntil && q.validUntil < new Date().toISOString().slice(0, 10)) return <Tag>{t('ind.q.expired')}</Tag>;
  return <Tag color="blue">{t('ind.q.notYet')}</Tag>;
}

function AddQualificationModal({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const { add } = useQualificationMutations(enterpriseId);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    add.mutate(
      {
        kind: v.kind,
        certificateNo: v.certificateNo?.trim() || null,
        obtainedOn: v.obtainedOn.format('YYYY-MM-DD'),
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
      },
      saveCallbacks(form, t('common.saved'), onClose),
    );
  };
  return (
    <Modal
      open
      title={t('ind.q.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'qual-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical">
        <Form.Item name="kind" label={t('ind.q.kind')} rules={[{ required: true, message: t('ind.q.kindRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={qualificationKinds.map((k) => ({ value: k, label: label(qualificationLabels[k], k) }))}
            data-testid="qual-kind"
          />
        </Form.Item>
        <Form.Item name="certificateNo" label={t('ind.q.certificateNo')} rules={[{ max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="obtainedOn" label={t('ind.q.obtainedOn')} rules={[{ required: true, message: t('ind.q.obtainedOnRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(new Date(), 'day')} data-testid="qual-obtained" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="validUntil"
              label={t('ind.q.validUntil')}
              extra={t('ind.q.validUntilHint')}
              dependencies={['obtainedOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v: Dayjs | null | undefined) => {
                    const from = getFieldValue('obtainedOn') as Dayjs | undefined;
                    if (v && from && v.isBefore(from, 'day')) throw new Error(t('ind.q.untilBeforeObtained'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** 资质荣誉: the list with validity, add (kind, certificate no., dates) and delete for those who may edit. */
export function QualificationsCard({ enterpriseId, items, canEdit }: { enterpriseId: string; items: Qualification[]; canEdit: boolean }) {
  const { t, label } = useI18n();
  const isMobile = useIsMobile();
  const [adding, setAdding] = useState(false);
  const { remove } = useQualificationMutations(enterpriseId);
  const del = (q: Qualification) => (
    <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutate(q.id)} okText={t('common.delete')} cancelText={t('common.cancel')}>
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="qual-delete" />
    </Popconfirm>
  );
  const columns: TableColumnsType<Qualification> = [
    { title: t('ind.q.kind'), dataIndex: 'kind', render: (k: QualificationKind) => label(qualificationLabels[k], k) },
    { title: t('ind.q.certificateNo'), dataIndex: 'certificateNo', render: (v: string | null) => v ?? '—' },
    { title: t('ind.q.obtainedOn'), dataIndex: 'obtainedOn' },
    { title: t('ind.q.validUntil'), dataIndex: 'validUntil', render: (v: string | null) => v ?? t('ind.q.noExpiry') },
    { title: t('ind.q.status'), key: 'valid', render: (_: unknown, q) => <QualificationValidity q={q} /> },
    ...(canEdit ? [{ title: t('common.actions'), key: 'actions', width: 70, render: (_: unknown, q: Qualification) => del(q) }] : []),
  ];
  return (
    <Card
      title={<><SafetyCertificateOutlined /> {t('ind.q.title')}</>}
      extra={canEdit ? <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="qual-add">{t('ind.q.add')}</Button> : null}
      style={{ marginBottom: 16 }}
      data-testid="qualifications"
    >
      {isMobile ? (
        <List<Qualification>
          dataSource={items}
          locale={{ emptyText: <Empty description={t('ind.q.none')} /> }}
          renderItem={(q) => (
            <List.Item extra={canEdit ? del(q) : null} data-testid="qual-row">
              <div>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>{label(qualificationLabels[q.kind], q.kind)}</Typography.Text>
                  <QualificationValidity q={q} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {q.obtainedOn} ~ {q.validUntil ?? t('ind.q.noExpiry')}
                  {q.certificateNo ? ` · ${q.certificateNo}` : ''}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<Qualification> rowKey="id" size="small" columns={columns} dataSource={items} pagination={false} locale={{ emptyText: t('ind.q.none') }} />
      )}
      {adding ? <AddQualificationModal enterpriseId={enterpriseId} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
