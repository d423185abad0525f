import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, InputNumber, Result, Row, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { ApplicationFormPrefill, ApplicationFormValues } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { Page } from '../../shared/page';
import { QueryState } from '../../shared/query-state';
import { useIsMobile } from '../../shared/use-is-mobile';
import { applicationKeys, uploadMaterial, useApplicationForm, useCreateApplication, type ApplicationCreateInput } from './applications.api';
import { BenefitTag, LevelTag, useWan } from './labels';
import { MaterialsPicker } from './materials-picker';

type FormShape = {
  form: { [K in keyof ApplicationFormValues]?: ApplicationFormValues[K] };
  requestedAmountWan?: number | null;
  declarationAccepted?: boolean;
};

const numberFields = ['operatingRevenue', 'rdExpense', 'netProfit', 'totalAssets'] as const;
const countFields = ['totalStaff', 'rdStaff', 'ipClass1', 'ipClass2'] as const;
const blankToNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

function PolicyHeader({ p }: { p: ApplicationFormPrefill['policy'] }) {
  const { t } = useI18n();
  const wan = useWan();
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="apply-policy">
      <Link to={`/p/policies/${p.id}`} style={{ fontWeight: 600, fontSize: 16 }}>{p.title}</Link>
      <Flex gap={4} wrap style={{ marginTop: 6 }}>
        <LevelTag level={p.level} />
        <BenefitTag type={p.benefitType} />
      </Flex>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('apl.issuer')}>{p.issuer}</Descriptions.Item>
        {p.docNumber ? <Descriptions.Item label={t('apl.docNumber')}>{p.docNumber}</Descriptions.Item> : null}
        <Descriptions.Item label={t('apl.maxAmount')}>{wan(p.maxAmountWan)}</Descriptions.Item>
        <Descriptions.Item label={t('apl.window')}>{`${p.applyFrom ?? t('pm.unbounded')} ~ ${p.applyUntil ?? t('pm.unbounded')}`}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function ApplyForm({ prefill }: { prefill: ApplicationFormPrefill }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormShape>();
  const [files, setFiles] = useState<File[][]>(() => prefill.materials.map(() => []));
  const [uploading, setUploading] = useState(false);
  const create = useCreateApplication();
  const p = prefill.policy;
  const max = p.maxAmountWan;

  const send = (v: FormShape) => {
    const f = v.form;
    const body: ApplicationCreateInput = {
      policyId: p.id,
      requestedAmountWan: v.requestedAmountWan ?? null,
      declarationAccepted: true,
      form: {
        enterpriseName: blankToNull(f.enterpriseName),
        creditCode: blankToNull(f.creditCode),
        legalRepresentative: blankToNull(f.legalRepresentative),
        address: blankToNull(f.address),
        contactName: (f.contactName ?? '').trim(),
        contactPhone: (f.contactPhone ?? '').trim(),
        indicatorYear: f.indicatorYear ?? null,
        ...Object.fromEntries([...numberFields, ...countFields].map((k) => [k, f[k] ?? null])),
        statement: blankToNull(f.statement),
      },
    };
    create.mutate(body, {
      onSuccess: async (a) => {
        // Files go up one by one once the application exists; a failed file does not undo the application
        // (it can be uploaded again on the application page until pre-check).
        setUploading(true);
        for (const [i, list] of files.entries()) {
          for (const file of list) await uploadMaterial(a.id, prefill.materials[i]!.name, file).catch(notifyError);
        }
        setUploading(false);
        await qc.invalidateQueries({ queryKey: applicationKeys.detail(a.id) });
        notifySuccess(t('apl.submitted'));
        navigate(`/applications/${a.id}`, { replace: true });
      },
      onError: (e) => {
        applyServerErrors(form, e);
        notifyError(e);
        if (e instanceof ApiError && e.code === 'CONFLICT') void qc.invalidateQueries({ queryKey: applicationKeys.form(p.id) });
      },
    });
  };

  const onFinish = (v: FormShape) => {
    const missing = prefill.materials.filter((m, i) => m.required && !files[i]?.length).map((m) => m.name);
    if (!missing.length) return send(v);
    modal.confirm({
      title: t('apl.missingConfirmTitle'),
      content: (
        <>
          <Typography.Paragraph>{t('apl.missingConfirm')}</Typography.Paragraph>
          <ul>{missing.map((m) => <li key={m}>{m}</li>)}</ul>
        </>
      ),
      okText: t('apl.submitAnyway'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'apply-submit-anyway' } as ButtonProps,
      onOk: () => send(v),
    });
  };

  const num = (k: (typeof numberFields)[number]) => (
    <Col xs={12} md={6} key={k}>
      <Form.Item name={['form', k]} label={t(`apl.f.${k}`)}>
        <InputNumber style={{ width: '100%' }} min={k === 'netProfit' ? undefined : 0} precision={2} suffix={t('ind.unit.wan')} inputMode="decimal" />
      </Form.Item>
    </Col>
  );
  const cnt = (k: (typeof countFields)[number]) => (
    <Col xs={12} md={6} key={k}>
      <Form.Item name={['form', k]} label={t(`apl.f.${k}`)}>
        <InputNumber style={{ width: '100%' }} min={0} precision={0} inputMode="numeric" />
      </Form.Item>
    </Col>
  );

  return (
    <Form<FormShape>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      scrollToFirstError={{ block: 'center' }}
      initialValues={{ form: prefill.form, requestedAmountWan: null, declarationAccepted: false }}
      requiredMark
    >
      <Card title={t('apl.sec.enterprise')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['form', 'enterpriseName']} label={t('apl.f.enterpriseName')}>
              <Input disabled />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['form', 'creditCode']} label={t('apl.f.creditCode')}>
              <Input disabled style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['form', 'legalRepresentative']} label={t('apl.f.legalRepresentative')} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['form', 'address']} label={t('apl.f.address')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={12}>
            <Form.Item name={['form', 'contactName']} label={t('apl.f.contactName')} rules={[{ required: true, whitespace: true, message: t('apl.contactNameRequired') }, { max: 50 }]}>
              <Input maxLength={50} data-testid="apply-contact-name" />
            </Form.Item>
          </Col>
          <Col xs={12} md={12}>
            <Form.Item
              name={['form', 'contactPhone']}
              label={t('apl.f.contactPhone')}
              rules={[{ required: true, whitespace: true, message: t('apl.contactPhoneRequired') }, { pattern: /^[0-9+\-() ]{5,20}$/, message: t('apl.phoneInvalid') }]}
            >
              <Input maxLength={20} inputMode="tel" data-testid="apply-contact-phone" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('apl.sec.figures')} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {prefill.form.indicatorYear ? t('apl.figuresFrom', { year: prefill.form.indicatorYear }) : t('apl.figuresNone')}
        </Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name={['form', 'indicatorYear']} label={t('apl.f.indicatorYear')}>
              <InputNumber style={{ width: '100%' }} min={2000} max={2100} precision={0} />
            </Form.Item>
          </Col>
          {numberFields.map(num)}
          {countFields.map(cnt)}
        </Row>
      </Card>
      <Card title={t('apl.sec.request')} size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          name="requestedAmountWan"
          label={t('apl.requestedAmount')}
          extra={max !== null ? t('apl.requestedMax', { max }) : undefined}
          rules={[
            {
              validator: async (_r, v: number | null | undefined) => {
                if (v === null || v === undefined) return;
                if (v <= 0) throw new Error(t('apl.amountPositive'));
                if (max !== null && v > max) throw new Error(t('apl.amountOverMax', { max }));
              },
            },
          ]}
        >
          <InputNumber style={{ width: isMobile ? '100%' : 240 }} min={0} max={max ?? undefined} precision={2} suffix={t('ind.unit.wan')} inputMode="decimal" data-testid="apply-amount" />
        </Form.Item>
        <Form.Item name={['form', 'statement']} label={t('apl.f.statement')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('apl.statementPh')} data-testid="apply-statement" />
        </Form.Item>
      </Card>
      <Card title={t('apl.sec.materials')} size="small" style={{ marginBottom: 16 }}>
        <MaterialsPicker items={prefill.materials} value={files} onChange={setFiles} />
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          name="declarationAccepted"
          valuePropName="checked"
          style={{ marginBottom: 0 }}
          rules={[{ validator: async (_r, v: boolean) => { if (!v) throw new Error(t('apl.declarationRequired')); } }]}
        >
          <Checkbox data-testid="apply-declaration">{t('apl.declaration')}</Checkbox>
        </Form.Item>
      </Card>
      <Flex gap={8} justify="flex-end" vertical={isMobile}>
        {isMobile ? null : <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>}
        <Button type="primary" htmlType="submit" size={isMobile ? 'large' : 'middle'} block={isMobile} loading={create.isPending || uploading} data-testid="apply-submit">
          {uploading ? t('apl.uploading') : t('apl.submit')}
        </Button>
      </Flex>
    </Form>
  );
}

/** /applications/new?policyId= — 在线申报: the pre-filled form, requested amount, materials, declaration. */
export default function ApplicationNewPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const policyId = params.get('policyId');
  const q = useApplicationForm(policyId);
  const prefill = q.data;

  if (!policyId)
    return (
      <Page title={t('apl.new')}>
        <Result status="info" title={t('apl.pickPolicy')} extra={<Link to="/my/policy-matches"><Button type="primary">{t('pm.title')}</Button></Link>} />
      </Page>
    );

  return (
    <Page title={t('apl.new')}>
      <div style={{ maxWidth: 960 }}>
        <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
          {prefill ? (
            <>
              <PolicyHeader p={prefill.policy} />
              {prefill.openApplicationId ? (
                <Alert
                  type="info"
                  showIcon
                  title={t('apl.alreadyOpen')}
                  action={<Link to={`/applications/${prefill.openApplicationId}`}><Button size="small" type="primary">{t('common.view')}</Button></Link>}
                  data-testid="apply-open-exists"
                />
              ) : !prefill.windowOpen ? (
                <Alert type="warning" showIcon title={t('apl.windowClosed')} data-testid="apply-window-closed" />
              ) : (
                <ApplyForm prefill={prefill} />
              )}
            </>
          ) : null}
        </QueryState>
      </div>
    </Page>
  );
}
