import { useEffect } from 'react';
import { Alert, Button, Card, Form, InputNumber, Switch } from 'antd';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { Page } from '../../shared/page';
import { QueryState } from '../../shared/query-state';
import { useRequestSettings, useSaveRequestSettings, type Settings } from './settings.api';

type Values = Omit<Settings, 'followUpSampleRatio'> & { followUpSamplePercent: number };

/** 办理设置: auto-close, reopen window, rectification, satisfaction counting, follow-up sampling. */
export default function RequestSettingsPage() {
  const { t } = useI18n();
  const q = useRequestSettings();
  const save = useSaveRequestSettings();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (q.data) {
      const { followUpSampleRatio, ...rest } = q.data;
      form.setFieldsValue({ ...rest, followUpSamplePercent: Math.round(followUpSampleRatio * 100) });
    }
  }, [q.data, form]);

  const onFinish = async ({ followUpSamplePercent, ...rest }: Values) => {
    try {
      await save.mutateAsync({ ...rest, followUpSampleRatio: followUpSamplePercent / 100 });
      notifySuccess(t('common.saved'));
    } catch (e) {
      applyServerErrors(form, e);
      notifyError(e);
    }
  };

  return (
    <Page title={t('set.settings')}>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Card size="small" style={{ maxWidth: 640 }}>
          <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
            <Form.Item name="autoCloseWorkingDays" label={t('set.s.autoClose')} extra={t('set.s.autoCloseHint')} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} precision={0} suffix={t('set.workingDays')} style={{ width: 200 }} data-testid="settings-autoClose" />
            </Form.Item>
            <Form.Item name="reopenWindowDays" label={t('set.s.reopenWindow')} extra={t('set.s.reopenWindowHint')} rules={[{ required: true }]}>
              <InputNumber min={0} max={90} precision={0} suffix={t('set.days')} style={{ width: 200 }} data-testid="settings-reopen" />
            </Form.Item>
            <Form.Item name="rectificationWorkingDays" label={t('set.s.rectification')} extra={t('set.s.rectificationHint')} rules={[{ required: true }]}>
              <InputNumber min={1} max={90} precision={0} suffix={t('set.workingDays')} style={{ width: 200 }} data-testid="settings-rectification" />
            </Form.Item>
            <Form.Item name="basicSatisfiedCounts" label={t('set.s.basicSatisfied')} extra={t('set.s.basicSatisfiedHint')} valuePropName="checked">
              <Switch data-testid="settings-basicSatisfied" />
            </Form.Item>
            <Form.Item name="followUpSamplePercent" label={t('set.s.sample')} extra={t('set.s.sampleHint')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 200 }} data-testid="settings-sample" />
            </Form.Item>
            <Alert type="info" showIcon title={t('set.s.note')} style={{ marginBottom: 16 }} />
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">{t('common.save')}</Button>
          </Form>
        </Card>
      </QueryState>
    </Page>
  );
}
