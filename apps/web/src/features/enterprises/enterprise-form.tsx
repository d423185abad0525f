import { Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  creditCodeMessages,
  creditCodeProblem,
  enterpriseStatuses,
  industrySections,
  normalizeCreditCode,
  sizeLabels,
  sizes,
  statusLabels,
  tierLabels,
  tiers,
  type EnterpriseDetail,
  type EnterpriseSize,
  type EnterpriseStatus,
  type IndustrySection,
  type Tier,
} from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { useParks, usePark } from '../parks/parks.api';
import type { EnterpriseCreateInput } from './enterprises.api';

export type EnterpriseFormValues = {
  creditCode: string;
  name: string;
  shortName?: string | null;
  industryCode: IndustrySection;
  industryDetail?: string | null;
  size: EnterpriseSize;
  tier: Tier;
  status: EnterpriseStatus;
  foundedOn?: Dayjs | null;
  registeredCapitalWan?: number | null;
  employeeCount?: number | null;
  legalRepresentative?: string | null;
  phone?: string | null;
  address?: string | null;
  businessScope?: string | null;
  parkId: string;
  buildingId?: string | null;
  unitId?: string | null;
};

const trimOrNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export function toEnterpriseBody(v: EnterpriseFormValues): EnterpriseCreateInput {
  return {
    creditCode: normalizeCreditCode(v.creditCode),
    name: v.name.trim(),
    shortName: trimOrNull(v.shortName),
    industryCode: v.industryCode,
    industryDetail: trimOrNull(v.industryDetail),
    size: v.size,
    tier: v.tier,
    status: v.status,
    foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
    registeredCapitalWan: v.registeredCapitalWan ?? null,
    employeeCount: v.employeeCount ?? null,
    legalRepresentative: trimOrNull(v.legalRepresentative),
    phone: trimOrNull(v.phone),
    address: trimOrNull(v.address),
    businessScope: trimOrNull(v.businessScope),
    parkId: v.parkId,
    buildingId: v.buildingId ?? null,
    unitId: v.unitId ?? null,
  };
}

export function fromEnterprise(e: EnterpriseDetail): EnterpriseFormValues {
  return {
    creditCode: e.creditCode,
    name: e.name,
    shortName: e.shortName,
    industryCode: e.industryCode.charAt(0) as IndustrySection,
    industryDetail: e.industryDetail,
    size: e.size,
    tier: e.tier,
    status: e.status,
    foundedOn: e.foundedOn ? dayjs(e.foundedOn) : null,
    registeredCapitalWan: e.registeredCapitalWan,
    employeeCount: e.employeeCount,
    legalRepresentative: e.legalRepresentative,
    phone: e.phone,
    address: e.address,
    businessScope: e.businessScope,
    parkId: e.parkId,
    buildingId: e.buildingId,
    unitId: e.unitId,
  };
}

type Props = {
  form: FormInstance<EnterpriseFormValues>;
  initialValues?: Partial<EnterpriseFormValues>;
  onFinish: (v: EnterpriseFormValues) => void;
  submitting: boolean;
  onCancel: () => void;
};

export function EnterpriseForm({ form, initialValues, onFinish, submitting, onCancel }: Props) {
  const { t, label, industry } = useI18n();
  const parks = useParks();
  const parkId = Form.useWatch('parkId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const park = usePark(parkId);
  const buildings = park.data?.buildings ?? [];
  const units = buildings.find((b) => b.id === buildingId)?.units ?? [];

  const col = { xs: 24, md: 12 };
  return (
    <Form<EnterpriseFormValues>
      form={form}
      layout="vertical"
      initialValues={{ tier: 'none', status: 'active', ...initialValues }}
      onFinish={onFinish}
      scrollToFirstError={{ block: 'center' }}
      onValuesChange={(changed: Partial<EnterpriseFormValues>) => {
        if ('parkId' in changed) form.setFieldsValue({ buildingId: null, unitId: null });
        else if ('buildingId' in changed) form.setFieldsValue({ unitId: null });
      }}
    >
      <Card title={t('ent.basic')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item
              name="creditCode"
              label={t('ent.creditCode')}
              extra={t('ent.creditCodeHint')}
              normalize={(v: string) => (v ? normalizeCreditCode(v) : v)}
              rules={[
                { required: true, message: creditCodeMessages.length },
                {
                  validator: async (_r, v: string | undefined) => {
                    if (!v) return;
                    const problem = creditCodeProblem(normalizeCreditCode(v));
                    if (problem) throw new Error(creditCodeMessages[problem]);
                  },
                },
              ]}
            >
              <Input maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="ent-creditCode" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="name" label={t('ent.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} data-testid="ent-name" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="shortName" label={t('ent.shortName')} rules={[{ max: 30 }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="industryCode" label={t('ent.industry')} rules={[{ required: true }]}>
              <Select
                options={Object.keys(industrySections).map((k) => ({ value: k, label: industry(k) }))}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="ent-industry"
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="industryDetail" label={t('ent.industryDetail')} rules={[{ max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="size" label={t('ent.size')} rules={[{ required: true }]}>
              <Select options={sizes.map((v) => ({ value: v, label: label(sizeLabels[v]) }))} data-testid="ent-size" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="tier" label={t('ent.tier')} rules={[{ required: true }]}>
              <Select options={tiers.map((v) => ({ value: v, label: label(tierLabels[v]) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="status" label={t('ent.status')} rules={[{ required: true }]}>
              <Select options={enterpriseStatuses.map((v) => ({ value: v, label: label(statusLabels[v]) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="foundedOn" label={t('ent.foundedOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="registeredCapitalWan" label={t('ent.registeredCapitalWan')}>
              <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="employeeCount" label={t('ent.employeeCount')}>
              <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="legalRepresentative" label={t('ent.legalRepresentative')} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="phone" label={t('ent.phone')} rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: '电话号码格式不正确' }]}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('ent.address')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="businessScope" label={t('ent.businessScope')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('ent.location')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="parkId" label={t('ent.park')} rules={[{ required: true }]}>
              <Select
                loading={parks.isLoading}
                options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                data-testid="ent-park"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="buildingId" label={t('ent.building')}>
              <Select
                allowClear
                disabled={!parkId}
                loading={park.isFetching}
                options={buildings.map((b) => ({ value: b.id, label: b.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="unitId" label={t('ent.unit')}>
              <Select allowClear disabled={!buildingId} options={units.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="ent-submit">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
