import { PhotoPicker } from './attachments';
import { Button, Card, Cascader, Col, DatePicker, Flex, Form, Input, Radio, Row, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { FireOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { channelLabels, requestKindLabels, requestKinds, type RequestKind } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../shared/use-is-mobile';
import { EnterpriseSelect } from './enterprise-select';
import { kindIcons } from './labels';
import { categoryTree, useCategories, type RequestCreateInput } from './requests.api';
import { parkNowForPicker, pickerToParkIso } from './time';

export type RequestFormValues = {
  kind: RequestKind;
  categoryId: string[];
  title: string;
  description: string;
  urgent?: boolean;
  locationNote?: string;
  /** Photos (or PDFs) uploaded right after the request is created. */
  photos?: File[];
  // Staff registering on behalf:
  enterpriseId?: string;
  channel?: 'phone' | 'visit';
  receivedAt?: Dayjs;
  submitterName?: string;
  submitterPhone?: string;
};

const trimOrUndef = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

export function toRequestBody(v: RequestFormValues, opts: { staff: boolean; isMobile: boolean }): RequestCreateInput {
  const body: RequestCreateInput = {
    kind: v.kind,
    categoryId: v.categoryId[v.categoryId.length - 1]!,
    title: v.title.trim(),
    description: v.description.trim(),
    priority: v.urgent ? 'urgent' : 'normal',
    locationNote: trimOrUndef(v.locationNote) ?? null,
  };
  if (opts.staff) {
    body.enterpriseId = v.enterpriseId;
    body.channel = v.channel ?? 'phone';
    if (v.receivedAt) body.receivedAt = pickerToParkIso(v.receivedAt);
    body.submitterName = trimOrUndef(v.submitterName) ?? null;
    body.submitterPhone = trimOrUndef(v.submitterPhone) ?? null;
  } else {
    body.channel = opts.isMobile ? 'mobile' : 'web';
  }
  return body;
}

/** Big icon tiles: one tap on a phone. */
function KindPicker({ value, onChange }: { value?: RequestKind; onChange?: (k: RequestKind) => void }) {
  const { label } = useI18n();
  return (
    <div className="yqt-kind-grid" role="radiogroup">
      {requestKinds.map((k) => (
        <Button
          key={k}
          role="radio"
          aria-checked={value === k}
          type={value === k ? 'primary' : 'default'}
          ghost={value === k}
          icon={kindIcons[k]}
          onClick={() => onChange?.(k)}
          data-testid={`request-kind-${k}`}
          className="yqt-kind-tile"
        >
          {label(requestKindLabels[k])}
        </Button>
      ))}
    </div>
  );
}

type Props = {
  form: FormInstance<RequestFormValues>;
  staff: boolean;
  onFinish: (v: RequestFormValues) => void;
  submitting: boolean;
  onCancel: () => void;
  initialValues?: Partial<RequestFormValues>;
};

export function RequestForm({ form, staff, onFinish, submitting, onCancel, initialValues }: Props) {
  const { t, label } = useI18n();
  const isMobile = useIsMobile();
  const cats = useCategories();
  const options = categoryTree(cats.data?.items ?? []);

  const fields = (
    <>
      <Form.Item name="kind" label={t('req.kind')} rules={[{ required: true, message: t('req.kind') }]}>
        <KindPicker />
      </Form.Item>
      <Form.Item name="categoryId" label={t('req.category')} rules={[{ required: true, message: t('req.categoryPlaceholder') }]}>
        <Cascader
          options={options}
          placeholder={t('req.categoryPlaceholder')}
          showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
          expandTrigger={isMobile ? 'click' : 'hover'}
          loading={cats.isLoading}
          style={{ width: '100%' }}
          data-testid="request-category"
        />
      </Form.Item>
      <Form.Item name="title" label={t('req.title')} rules={[{ required: true, whitespace: true, message: t('req.titlePlaceholder') }, { max: 100 }]}>
        <Input maxLength={100} placeholder={t('req.titlePlaceholder')} data-testid="request-title" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('req.description')}
        rules={[{ required: true, whitespace: true, message: t('req.descriptionPlaceholder') }, { max: 5000 }]}
      >
        <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('req.descriptionPlaceholder')} data-testid="request-description" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="urgent" label={t('req.priority')} valuePropName="checked" extra={t('req.urgentHint')}>
            <Switch checkedChildren={<><FireOutlined /> {t('req.urgent')}</>} unCheckedChildren={t('req.normal')} data-testid="request-urgent" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="locationNote" label={t('req.locationNote')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder={t('req.locationPlaceholder')} data-testid="request-location" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="photos" label={t('req.photos')}>
        <PhotoPicker />
      </Form.Item>
    </>
  );

  return (
    <Form<RequestFormValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      scrollToFirstError={{ block: 'center' }}
      initialValues={{ urgent: false, ...(staff ? { channel: 'phone', receivedAt: parkNowForPicker() } : {}), ...initialValues }}
      requiredMark={staff}
    >
      {staff ? (
        <Card title={t('req.register')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('req.onBehalfHint')}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="enterpriseId" label={t('req.enterprise')} rules={[{ required: true, message: t('req.enterpriseRequired') }]}>
                <EnterpriseSelect placeholder={t('req.enterprisePlaceholder')} data-testid="request-enterprise" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('req.channel')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'phone', label: label(channelLabels.phone) },
                    { value: 'visit', label: label(channelLabels.visit) },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="receivedAt"
                label={t('req.receivedAt')}
                extra={t('req.receivedAtHint')}
                rules={[
                  { required: true },
                  {
                    validator: async (_r, v: Dayjs | undefined) => {
                      if (!v) return;
                      const now = parkNowForPicker();
                      if (v.isAfter(now.add(1, 'minute')) || v.isBefore(now.subtract(30, 'day'))) throw new Error(t('req.receivedAtRange'));
                    },
                  },
                ]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isAfter(parkNowForPicker(), 'day') || d.isBefore(dayjs().subtract(31, 'day'), 'day')}
                  data-testid="request-receivedAt"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="submitterName" label={t('req.submitterName')} rules={[{ max: 50 }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="submitterPhone" label={t('req.submitterPhone')} rules={[{ max: 30 }]}>
                <Input maxLength={30} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      ) : null}
      {staff ? <Card title={t('req.fillRest')} style={{ marginBottom: 16 }}>{fields}</Card> : fields}
      <Flex gap={8} justify="flex-end" vertical={isMobile && !staff}>
        {isMobile && !staff ? null : <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={submitting} size={isMobile ? 'large' : 'middle'} block={isMobile} data-testid="request-submit">
          {t('req.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
