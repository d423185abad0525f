import { useMemo, useRef } from 'react';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { benefitTypeLabels, benefitTypes, policyLevelLabels, policyLevels, type BenefitType, type PolicyDetail, type PolicyLevel } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { NotFound } from '../../app/not-found';
import { ApiError } from '../../lib/api';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { Page } from '../../shared/page';
import { QueryState } from '../../shared/query-state';
import { useParks } from '../parks/parks.api';
import { useDepartments } from '../staff/staff.api';
import { useCan } from '../auth/auth.api';
import { policyKeys, useCreatePolicy, usePolicy, usePolicyTags, useUpdatePolicy, type PolicyCreateInput } from './policies.api';
import { addError, leafLabels, type RuleErrors } from './rule-model';
import { RuleEditor } from './rule-editor';
import { RulePreview } from './rule-preview';
import type { Names } from './rule-text';
import { useRuleDraft } from './use-rule-draft';

type Faq = { q: string; a: string };
export type PolicyFormValues = {
  title: string;
  issuer: string;
  level: PolicyLevel;
  docNumber?: string | null;
  benefitType: BenefitType;
  maxAmountWan?: number | null;
  publishedOn?: Dayjs | null;
  effectiveFrom?: Dayjs | null;
  expiresOn?: Dayjs | null;
  applyWindow?: [Dayjs | null, Dayjs | null] | null;
  departmentId?: string | null;
  tags: string[];
  fullText?: string;
  interpretation: {
    audience?: string;
    benefits?: string;
    keyConditions: string[];
    materials: string[];
    deadlines?: string;
    contact?: string;
    faq: Faq[];
  };
  materials: { name: string; required: boolean }[];
};

const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function fromPolicy(p: PolicyDetail): PolicyFormValues {
  return {
    title: p.title,
    issuer: p.issuer,
    level: p.level,
    docNumber: p.docNumber,
    benefitType: p.benefitType,
    maxAmountWan: p.maxAmountWan,
    publishedOn: day(p.publishedOn),
    effectiveFrom: day(p.effectiveFrom),
    expiresOn: day(p.expiresOn),
    applyWindow: p.applyFrom || p.applyUntil ? [day(p.applyFrom), day(p.applyUntil)] : null,
    departmentId: p.departmentId,
    tags: p.tags,
    fullText: p.fullText,
    interpretation: { ...p.interpretation },
    materials: p.materials.map((m) => ({ name: m.name, required: m.required })),
  };
}

const blank: Partial<PolicyFormValues> = {
  level: 'zone',
  benefitType: 'subsidy',
  tags: [],
  interpretation: { keyConditions: [], materials: [], faq: [] },
  materials: [],
};

function toBody(v: PolicyFormValues, rules: unknown): PolicyCreateInput {
  const s = (x: string | null | undefined) => (x ?? '').trim();
  const i = v.interpretation;
  return {
    title: s(v.title),
    issuer: s(v.issuer),
    level: v.level,
    docNumber: s(v.docNumber) || null,
    benefitType: v.benefitType,
    maxAmountWan: v.maxAmountWan ?? null,
    publishedOn: iso(v.publishedOn),
    effectiveFrom: iso(v.effectiveFrom),
    expiresOn: iso(v.expiresOn),
    applyFrom: iso(v.applyWindow?.[0]),
    applyUntil: iso(v.applyWindow?.[1]),
    departmentId: v.departmentId ?? null,
    tags: (v.tags ?? []).map((x) => x.trim()).filter(Boolean),
    fullText: v.fullText ?? '',
    interpretation: {
      audience: s(i.audience),
      benefits: s(i.benefits),
      keyConditions: (i.keyConditions ?? []).map(s),
      materials: (i.materials ?? []).map(s),
      deadlines: s(i.deadlines),
      contact: s(i.contact),
      faq: (i.faq ?? []).map((f) => ({ q: s(f.q), a: s(f.a) })),
    },
    rules,
    materials: (v.materials ?? []).map((m) => ({ name: s(m.name), required: m.required !== false })),
  };
}

/** A list of short texts (key conditions, materials) edited line by line. */
function TextList({ name, addLabel, placeholder, max }: { name: (string | number)[]; addLabel: string; placeholder: string; max: number }) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={6}>
          {fields.map((f, n) => (
            <Flex key={f.key} gap={6} align="start">
              <Typography.Text type="secondary" style={{ width: 20, paddingTop: 5, flex: 'none' }}>{n + 1}.</Typography.Text>
              <Form.Item name={f.name} rules={[{ required: true, whitespace: true, message: t('pol.form.itemRequired') }, { max }]} style={{ flex: 1, marginBottom: 0 }}>
                <Input placeholder={placeholder} maxLength={max} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ alignSelf: 'flex-start' }}>{addLabel}</Button>
        </Flex>
      )}
    </Form.List>
  );
}

function BasicFields() {
  const { t, label } = useI18n();
  const tags = usePolicyTags();
  const can = useCan();
  const departments = useDepartments(can('departments.read'));
  const col = { xs: 24, md: 12, xl: 8 };
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name="title" label={t('pol.title')} rules={[{ required: true, whitespace: true, message: t('pol.form.titleRequired') }, { max: 200 }]}>
          <Input maxLength={200} data-testid="policy-title-input" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="issuer" label={t('pol.issuer')} rules={[{ required: true, whitespace: true, message: t('pol.form.issuerRequired') }, { max: 100 }]}>
          <Input maxLength={100} data-testid="policy-issuer-input" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="docNumber" label={t('pol.docNumber')} rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder={t('pol.form.docNumberPh')} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="level" label={t('pol.level')} rules={[{ required: true }]}>
          <Select options={policyLevels.map((v) => ({ value: v, label: label(policyLevelLabels[v]) }))} data-testid="policy-level-input" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="benefitType" label={t('pol.benefitType')} rules={[{ required: true }]}>
          <Select options={benefitTypes.map((v) => ({ value: v, label: label(benefitTypeLabels[v]) }))} data-testid="policy-benefit-input" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="maxAmountWan" label={t('pol.maxAmount')}>
          <InputNumber min={0} max={1e9} suffix={t('pol.wan')} style={{ width: '100%' }} data-testid="policy-amount-input" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="applyWindow" label={t('pol.applyWindow')} extra={t('pol.form.windowHint')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} data-testid="policy-window-input" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="publishedOn" label={t('pol.publishedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Flex gap={8}>
          <Form.Item name="effectiveFrom" label={t('pol.effectiveFrom')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('pol.expiresOn')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="departmentId" label={t('pol.department')} extra={t('pol.form.departmentHint')}>
          <Select allowClear loading={departments.isLoading} options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} showSearch={{ optionFilterProp: 'label' }} data-testid="policy-department-input" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="tags" label={t('pol.tags')} rules={[{ type: 'array', max: 20 }]}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} options={(tags.data?.items ?? []).map((x) => ({ value: x.tag, label: x.tag }))} placeholder={t('pol.form.tagsPh')} maxCount={20} data-testid="policy-tags-input" />
        </Form.Item>
      </Col>
    </Row>
  );
}

function PolicyEditor({ initial }: { initial: PolicyDetail | null }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<PolicyFormValues>();
  const parks = useParks();
  const parkList = useMemo(() => (parks.data?.items ?? []).map((p) => ({ id: p.id, name: p.name })), [parks.data]);
  const names = useMemo<Names>(() => ({ park: (id) => parkList.find((p) => p.id === id)?.name }), [parkList]);
  const draft = useRuleDraft(initial?.rules, names);
  const create = useCreatePolicy();
  const update = useUpdatePolicy(initial?.id ?? '');
  const rulesCard = useRef<HTMLDivElement>(null);
  const saving = create.isPending || update.isPending;

  const showErrors = (e: unknown) => {
    if (e instanceof ApiError && e.fieldErrors.length) {
      const ruleErrs: RuleErrors = {};
      const windowErrs: string[] = [];
      for (const d of e.fieldErrors) {
        if (d.path === 'rules' || d.path.startsWith('rules.')) addError(ruleErrs, d.path, d.message);
        else if (d.path === 'applyFrom' || d.path === 'applyUntil') windowErrs.push(d.message);
      }
      if (Object.keys(ruleErrs).length) {
        draft.setServerErrors(ruleErrs);
        rulesCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }
      if (windowErrs.length) form.setFields([{ name: 'applyWindow', errors: windowErrs }]);
      applyServerErrors(form, e);
    }
    notifyError(e);
  };

  const reloadAfterConflict = async () => {
    if (!initial) return;
    await qc.invalidateQueries({ queryKey: policyKeys.detail(initial.id) });
  };

  const onFinish = (v: PolicyFormValues) => {
    if (draft.missingCount) {
      draft.setShowMissing(true);
      notifyError(new Error(t('rule.incomplete', { n: draft.missingCount })));
      rulesCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return;
    }
    if (draft.clientErrorCount) {
      notifyError(new Error(t('rule.fixProblems')));
      rulesCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return;
    }
    const body = toBody(v, draft.rule);
    if (!initial) {
      create.mutate(body, {
        onSuccess: (p) => {
          notifySuccess(t('pol.form.created'));
          navigate(`/policies/${p.id}`);
        },
        onError: showErrors,
      });
      return;
    }
    update.mutate(
      { ...body, version: initial.version },
      {
        onSuccess: (p) => {
          notifySuccess(t('common.saved'));
          navigate(`/policies/${p.id}`);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'CONFLICT') {
            modal.confirm({
              title: t('pol.conflictTitle'),
              content: t('pol.conflictBody'),
              okText: t('pol.conflictReload'),
              cancelText: t('pol.conflictKeep'),
              onOk: reloadAfterConflict,
            });
            return;
          }
          showErrors(e);
        },
      },
    );
  };

  const fillKeyConditions = () => {
    if (!draft.root) return;
    form.setFieldValue(['interpretation', 'keyConditions'], leafLabels(draft.root));
  };
  const fillMaterials = () => {
    const list = (form.getFieldValue('materials') as PolicyFormValues['materials'] | undefined) ?? [];
    form.setFieldValue(['interpretation', 'materials'], list.filter((m) => m?.name?.trim()).map((m) => m.name.trim()));
  };

  const cancelTo = initial ? `/policies/${initial.id}` : '/policies';
  const saveButtons = (
    <>
      <Button onClick={() => navigate(cancelTo)}>{t('common.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="policy-save">{t('common.save')}</Button>
    </>
  );

  return (
    <Form<PolicyFormValues>
      form={form}
      layout="vertical"
      initialValues={initial ? fromPolicy(initial) : blank}
      onFinish={onFinish}
      onFinishFailed={() => notifyError(new Error(t('pol.form.checkFields')))}
      scrollToFirstError={{ block: 'center' }}
      className="yqt-policy-form"
    >
      <Card title={t('pol.form.basic')} style={{ marginBottom: 16 }}>
        <BasicFields />
      </Card>
      <div ref={rulesCard}>
        <Card title={t('pol.conditions')} style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('rule.editorHint')}</Typography.Text>}>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <RuleEditor
                root={draft.root}
                api={draft.api}
                onCreate={draft.start}
                onClear={draft.clear}
                errors={draft.errors}
                missing={draft.missing}
                showMissing={draft.showMissing}
                names={names}
                parks={parkList}
              />
            </Col>
            <Col xs={24} xl={8}>
              <div className="yqt-sticky-side">
                <RulePreview rules={draft.rule} ready={draft.ready} onServerErrors={draft.setServerErrors} parks={parkList} incompleteCount={draft.missingCount} />
              </div>
            </Col>
          </Row>
        </Card>
      </div>
      <Card title={t('pol.interpretation')} style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pol.form.interpHint')}</Typography.Text>}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['interpretation', 'audience']} label={t('pol.interp.audience')} rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="interp-audience-input" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['interpretation', 'benefits']} label={t('pol.interp.benefits')} rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="interp-benefits-input" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={<Flex gap={8} align="center">{t('pol.interp.keyConditions')}<Button size="small" type="link" icon={<ThunderboltOutlined />} onClick={fillKeyConditions} disabled={!draft.root}>{t('pol.form.fromRules')}</Button></Flex>}>
              <TextList name={['interpretation', 'keyConditions']} addLabel={t('pol.form.addCondition')} placeholder={t('pol.form.keyConditionPh')} max={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={<Flex gap={8} align="center">{t('pol.interp.materials')}<Button size="small" type="link" icon={<ThunderboltOutlined />} onClick={fillMaterials}>{t('pol.form.fromChecklist')}</Button></Flex>}>
              <TextList name={['interpretation', 'materials']} addLabel={t('pol.form.addMaterial')} placeholder={t('pol.form.materialPh')} max={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['interpretation', 'deadlines']} label={t('pol.interp.deadlines')} rules={[{ max: 1000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['interpretation', 'contact']} label={t('pol.interp.contact')} rules={[{ max: 300 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('pub.faq')}>
              <Form.List name={['interpretation', 'faq']}>
                {(fields, { add, remove }) => (
                  <Flex vertical gap={8}>
                    {fields.map((f) => (
                      <div key={f.key} className="yqt-faq-edit">
                        <Flex gap={6} align="start">
                          <Form.Item name={[f.name, 'q']} rules={[{ required: true, whitespace: true, message: t('pol.form.itemRequired') }, { max: 300 }]} style={{ flex: 1, marginBottom: 6 }}>
                            <Input placeholder={t('pol.form.faqQ')} maxLength={300} />
                          </Form.Item>
                          <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                        </Flex>
                        <Form.Item name={[f.name, 'a']} rules={[{ required: true, whitespace: true, message: t('pol.form.itemRequired') }, { max: 2000 }]} style={{ marginBottom: 0 }}>
                          <Input.TextArea placeholder={t('pol.form.faqA')} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
                        </Form.Item>
                      </div>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ q: '', a: '' })} style={{ alignSelf: 'flex-start' }}>{t('pol.form.addFaq')}</Button>
                  </Flex>
                )}
              </Form.List>
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('pol.form.checklist')} style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pol.form.checklistHint')}</Typography.Text>}>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <Flex vertical gap={6}>
              {fields.map((f, n) => (
                <Flex key={f.key} gap={8} align="start" wrap>
                  <Typography.Text type="secondary" style={{ width: 20, paddingTop: 5 }}>{n + 1}.</Typography.Text>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('pol.form.itemRequired') }, { max: 100 }]} style={{ flex: '1 1 200px', marginBottom: 0 }}>
                    <Input placeholder={t('pol.form.materialPh')} maxLength={100} data-testid="material-name" />
                  </Form.Item>
                  <Space style={{ paddingTop: 4 }}>
                    <Form.Item name={[f.name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
                      <Switch size="small" />
                    </Form.Item>
                    <Typography.Text>{t('pol.form.required')}</Typography.Text>
                  </Space>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', required: true })} style={{ alignSelf: 'flex-start' }} data-testid="material-add">{t('pol.form.addMaterial')}</Button>
            </Flex>
          )}
        </Form.List>
      </Card>
      <Card title={t('pol.fullText')} style={{ marginBottom: 16 }}>
        <Form.Item name="fullText" rules={[{ max: 100_000 }]} style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 30 }} maxLength={100_000} showCount placeholder={t('pol.form.fullTextPh')} />
        </Form.Item>
      </Card>
      <div className="yqt-save-bar">{saveButtons}</div>
    </Form>
  );
}

/** /policies/new and /policies/:id/edit (policies.manage). */
export default function PolicyFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const q = usePolicy(id);
  const p = q.data;
  if (id && p && !p.canEdit) return <NotFound />;
  return (
    <Page title={id ? (p ? `${t('pol.edit')} · ${p.title}` : t('pol.edit')) : t('pol.new')}>
      {id ? (
        <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
          {/* A new version (someone else saved; reload after 409) starts the form afresh. */}
          {p ? <PolicyEditor key={p.version} initial={p} /> : null}
        </QueryState>
      ) : (
        <PolicyEditor initial={null} />
      )}
    </Page>
  );
}
