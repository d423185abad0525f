import { useEffect } from 'react';
import { Alert, Button, Card, Flex, Form, InputNumber, Select, Tag, Typography } from 'antd';
import { ArrowDownOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { Page } from '../../shared/page';
import { QueryState } from '../../shared/query-state';
import { useLadder, useSaveLadder, type Ladder } from './settings.api';
import { useLimitText } from './limit-text';

type Target = Ladder['steps'][number]['target'];
const targets: Target[] = ['liaison', 'area_leader', 'park_manager', 'leader'];

/** 督办层级: who is reminded, and how long after a deadline is missed. */
export default function LadderPage() {
  const { t } = useI18n();
  const limit = useLimitText();
  const q = useLadder();
  const save = useSaveLadder();
  const [form] = Form.useForm<{ steps: { target: Target; delayMinutes: number }[] }>();
  const steps = Form.useWatch('steps', form);

  useEffect(() => {
    if (q.data) form.setFieldsValue({ steps: [...q.data.steps].sort((a, b) => a.level - b.level).map(({ target, delayMinutes }) => ({ target, delayMinutes })) });
  }, [q.data, form]);

  const onFinish = async (v: { steps: { target: Target; delayMinutes: number }[] }) => {
    try {
      await save.mutateAsync({ steps: v.steps.map((s, i) => ({ level: i + 1, target: s.target, delayMinutes: s.delayMinutes })) });
      notifySuccess(t('common.saved'));
    } catch (e) {
      applyServerErrors(form, e);
      notifyError(e);
    }
  };

  return (
    <Page title={t('set.ladder')}>
      <Alert type="info" showIcon title={t('set.ladder.explain')} style={{ marginBottom: 12 }} />
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Card size="small" style={{ maxWidth: 720 }}>
          <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
            <Form.List name="steps">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => {
                    const d = steps?.[i]?.delayMinutes;
                    return (
                      <div key={f.key} data-testid="ladder-step">
                        {i > 0 ? <div style={{ textAlign: 'center', color: '#bbb', margin: '-4px 0 4px' }}><ArrowDownOutlined /></div> : null}
                        <Flex gap={8} wrap align="start" className="yqt-ladder-step">
                          <Tag color="blue" style={{ marginTop: 5 }}>{t('set.ladder.level', { n: i + 1 })}</Tag>
                          <Form.Item name={[f.name, 'target']} rules={[{ required: true }]} style={{ flex: '1 1 180px', marginBottom: 8 }}>
                            <Select options={targets.map((x) => ({ value: x, label: t(`set.ladder.target.${x}`) }))} data-testid={`ladder-target-${i}`} />
                          </Form.Item>
                          <Form.Item
                            name={[f.name, 'delayMinutes']}
                            rules={[{ required: true, message: t('set.policy.minutesRequired') }]}
                            style={{ flex: '1 1 200px', marginBottom: 8 }}
                            extra={d !== undefined && d !== null ? (d === 0 ? t('set.ladder.atBreach') : t('set.ladder.after', { d: limit(d, 'working') })) : undefined}
                          >
                            <InputNumber min={0} max={43200} precision={0} suffix={t('set.minutes')} style={{ width: '100%' }} data-testid={`ladder-delay-${i}`} />
                          </Form.Item>
                          <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                        </Flex>
                      </div>
                    );
                  })}
                  <Flex gap={8} wrap style={{ marginTop: 8 }}>
                    <Button icon={<PlusOutlined />} disabled={fields.length >= 9} onClick={() => add({ target: 'leader', delayMinutes: 1440 })} data-testid="ladder-add">
                      {t('set.ladder.add')}
                    </Button>
                    <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ladder-save">{t('common.save')}</Button>
                  </Flex>
                </>
              )}
            </Form.List>
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>{t('set.ladder.note')}</Typography.Paragraph>
        </Card>
      </QueryState>
    </Page>
  );
}
