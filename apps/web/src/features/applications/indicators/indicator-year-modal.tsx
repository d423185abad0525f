import { useEffect, useState } from 'react';
import { Alert, Col, Form, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import {
  creditStandings,
  emergingIndustries,
  indicatorProblems,
  rdInstitutionLevels,
  type EnterpriseIndicators,
  type IndicatorField,
  type IndicatorValues,
} from '@yqt/contracts';
import { useI18n } from '../../../app/i18n';
import { ApiError } from '../../../lib/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { notifyError, notifySuccess } from '../../../shared/notify';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { countFields, enumFields, useIndicatorText, valueFields } from './format';
import { useIndicators, useUpsertYear } from './indicators.api';

type Values = { year: number | null } & { [K in IndicatorField]: number | string | null };

const emptyValues = (): Omit<Values, 'year'> => Object.fromEntries(valueFields.map((f) => [f, null])) as Omit<Values, 'year'>;
const valuesOfYear = (data: EnterpriseIndicators | undefined, year: number | null) => {
  const y = year === null ? undefined : data?.years.find((x) => x.year === year);
  return y ? ({ ...emptyValues(), ...y.values } as Omit<Values, 'year'>) : emptyValues();
};
const vocab: Partial<Record<IndicatorField, readonly string[]>> = {
  rdInstitutionLevel: rdInstitutionLevels,
  emergingIndustry: emergingIndustries,
  creditStanding: creditStandings,
};

/**
 * Enters or corrects one year's figures (the whole year is replaced; an empty field = not reported).
 * Existing years are saved with the version the user saw: a concurrent change answers 409, the
 * latest figures are loaded into the form and the user checks them before saving again.
 */
export function IndicatorYearModal({
  enterpriseId,
  year: initialYear,
  focus,
  onClose,
}: {
  enterpriseId: string;
  /** null: a new year (the user picks it). */
  year: number | null;
  /** A field to scroll to and focus (from "补充数据" links). */
  focus?: IndicatorField | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const text = useIndicatorText();
  const q = useIndicators(enterpriseId);
  const data = q.data;
  const save = useUpsertYear(enterpriseId);
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState(false);
  const year = Form.useWatch('year', form) ?? initialYear;
  const existing = year === null ? undefined : data?.years.find((y) => y.year === year);
  const range = data?.yearRange ?? { min: 1949, max: new Date().getFullYear() };
  const defaultYear = initialYear ?? (data?.years.some((y) => y.year === range.max - 1) ? range.max : range.max - 1);

  useEffect(() => {
    if (!focus) return;
    const h = setTimeout(() => {
      form.scrollToField(focus, { block: 'center' });
      form.focusField(focus);
    }, 300);
    return () => clearTimeout(h);
  }, [focus, form]);

  const onYearChange = (y: number | null) => {
    // Picking a year that is already reported loads its figures: saving then edits that year.
    if (y !== null && data?.years.some((x) => x.year === y)) form.setFieldsValue(valuesOfYear(data, y));
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (v.year === null) return;
    const values = Object.fromEntries(valueFields.map((f) => [f, v[f] ?? null])) as IndicatorValues;
    const problems = indicatorProblems(values);
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: p.path, errors: [p.message] })));
      return;
    }
    const current = data?.years.find((y) => y.year === v.year);
    save.mutate(
      { year: v.year, body: { ...values, ...(current ? { version: current.version } : {}) } },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          onClose();
        },
        onError: async (e) => {
          if (e instanceof ApiError && e.code === 'CONFLICT') {
            const fresh = await q.refetch();
            form.setFieldsValue(valuesOfYear(fresh.data, v.year));
            setConflict(true);
            return;
          }
          applyServerErrors(form, e);
          notifyError(e);
        },
      },
    );
  };

  const field = (f: IndicatorField) => {
    if (enumFields.has(f)) {
      return (
        <Select
          allowClear
          placeholder={t('ind.notReported')}
          options={(vocab[f] ?? []).map((x) => ({ value: x, label: text.enumLabel(f, x) }))}
          data-testid={`ind-${f}`}
        />
      );
    }
    return (
      <InputNumber
        style={{ width: '100%' }}
        min={f === 'netProfit' ? -1e10 : 0}
        max={1e10}
        precision={countFields.has(f) ? 0 : 2}
        placeholder={t('ind.notReported')}
        suffix={text.unit(f)}
        inputMode={countFields.has(f) ? 'numeric' : 'decimal'}
        data-testid={`ind-${f}`}
      />
    );
  };

  return (
    <Modal
      open
      title={existing ? t('ind.editYear', { year: existing.year }) : t('ind.addYear')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'ind-save' } as ButtonProps}
      width={isMobile ? '100%' : 820}
      style={isMobile ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
      destroyOnHidden
    >
      {conflict ? <Alert type="warning" showIcon title={t('ind.conflict')} style={{ marginBottom: 12 }} data-testid="ind-conflict" /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ year: defaultYear, ...valuesOfYear(data, defaultYear) }}
        scrollToFirstError={{ block: 'center' }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12} md={8}>
            <Form.Item
              name="year"
              label={t('ind.year')}
              rules={[{ required: true, message: t('ind.yearRequired') }]}
              extra={t('ind.yearRange', { min: range.min, max: range.max })}
            >
              <InputNumber
                style={{ width: '100%' }}
                min={range.min}
                max={range.max}
                precision={0}
                disabled={initialYear !== null}
                onChange={(y) => onYearChange(typeof y === 'number' ? y : null)}
                data-testid="ind-year"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={16}>
            {existing ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: isMobile ? 0 : 30 }}>
                {t('ind.editingHint', { v: existing.version })}
              </Typography.Paragraph>
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: isMobile ? 0 : 30 }}>{t('ind.newHint')}</Typography.Paragraph>
            )}
          </Col>
          {valueFields.map((f) => (
            <Col key={f} xs={enumFields.has(f) ? 24 : 12} sm={12} md={8}>
              <Form.Item name={f} label={text.fieldLabel(f)}>
                {field(f)}
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
