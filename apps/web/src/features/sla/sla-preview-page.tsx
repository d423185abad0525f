import { Alert, Button, Card, Cascader, Col, DatePicker, Descriptions, Form, Row, Segmented, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError } from '../../shared/notify';
import { Page } from '../../shared/page';
import { categoryTree, useCategories, useSlaPreview } from '../requests/requests.api';
import { fmtLong, inPark, parkNowForPicker, pickerToParkIso } from '../requests/time';

type Values = { startAt: Dayjs; categoryId?: string[]; priority: 'normal' | 'urgent' };


/** 时限试算: what deadlines a request received at a given moment would get. */
export default function SlaPreviewPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const cats = useCategories();
  const preview = useSlaPreview();
  const tree = useMemo(() => categoryTree(cats.data?.items ?? []), [cats.data]);
  const res = preview.data;

  const onFinish = (v: Values) =>
    preview.mutate(
      { startAt: pickerToParkIso(v.startAt), categoryId: v.categoryId?.length ? v.categoryId[v.categoryId.length - 1] : undefined, priority: v.priority },
      {
        onError: (e) => {
          applyServerErrors(form, e);
          notifyError(e);
        },
      },
    );

  const weekday = (iso: string) => inPark(iso).format('ddd');
  return (
    <Page title={t('sla.title')}>
      <Alert type="info" showIcon title={t('sla.explain')} style={{ marginBottom: 16 }} />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ startAt: parkNowForPicker(), priority: 'normal' }}>
              <Form.Item name="startAt" label={t('sla.startAt')} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="sla-startAt" />
              </Form.Item>
              <Form.Item name="categoryId" label={t('req.category')}>
                <Cascader
                  allowClear
                  changeOnSelect
                  options={tree}
                  placeholder={t('sla.anyCategory')}
                  loading={cats.isLoading}
                  style={{ width: '100%' }}
                  data-testid="sla-category"
                />
              </Form.Item>
              <Form.Item name="priority" label={t('req.priority')}>
                <Segmented
                  options={[
                    { value: 'normal', label: t('req.normal') },
                    { value: 'urgent', label: t('req.urgent') },
                  ]}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={preview.isPending} data-testid="sla-calc">
                {t('sla.calc')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('sla.result')} data-testid="sla-result">
            {res ? (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('req.clockStartedAt')}>{fmtLong(res.clockStartedAt)} {weekday(res.clockStartedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('req.promise.accept')}><span data-testid="sla-acceptBy">{fmtLong(res.acceptBy)}</span> {weekday(res.acceptBy)}</Descriptions.Item>
                <Descriptions.Item label={t('req.promise.feedback')}><span data-testid="sla-feedbackBy">{fmtLong(res.feedbackBy)}</span> {weekday(res.feedbackBy)}</Descriptions.Item>
                <Descriptions.Item label={t('req.promise.resolve')}><span data-testid="sla-resolveBy">{fmtLong(res.resolveBy)}</span> {weekday(res.resolveBy)}</Descriptions.Item>
                <Descriptions.Item label={t('sla.policy')}><span data-testid="sla-policy">{res.policy.name} · v{res.policy.version}</span></Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('sla.hint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
