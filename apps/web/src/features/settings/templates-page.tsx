import { Button, Card, Col, Empty, Form, Input, InputNumber, List, Popconfirm, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { Page } from '../../shared/page';
import { useReplyTemplates } from '../requests/requests.api';
import { useCreateTemplate, useDeleteTemplate } from './settings.api';

/** 快捷回复: reusable reply texts offered in the handling panel. */
export default function TemplatesPage() {
  const { t } = useI18n();
  const q = useReplyTemplates(true);
  const create = useCreateTemplate();
  const del = useDeleteTemplate();
  const [form] = Form.useForm<{ title: string; body: string; sortOrder?: number }>();

  const onFinish = async (v: { title: string; body: string; sortOrder?: number }) => {
    try {
      await create.mutateAsync({ title: v.title.trim(), body: v.body.trim(), sortOrder: v.sortOrder ?? 0 });
      notifySuccess(t('common.saved'));
      form.resetFields();
    } catch (e) {
      applyServerErrors(form, e);
      notifyError(e);
    }
  };

  return (
    <Page title={t('set.templates')}>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ marginBottom: 16 }} data-testid="templates-list">
            <List
              loading={q.isLoading}
              dataSource={q.data?.items ?? []}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} /> }}
              renderItem={(x) => (
                <List.Item
                  data-testid="template-row"
                  actions={[
                    <Popconfirm key="d" title={t('common.confirmDelete')} onConfirm={() => del.mutateAsync(x.id).then(() => notifySuccess(t('common.deleted')))} okText={t('common.ok')} cancelText={t('common.cancel')}>
                      <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="template-delete" />
                    </Popconfirm>,
                  ]}
                >
                  <List.Item.Meta title={x.title} description={<Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: t('set.more') }} style={{ margin: 0 }} className="yqt-req-desc">{x.body}</Typography.Paragraph>} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('set.template.new')}>
            <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ sortOrder: 0 }}>
              <Form.Item name="title" label={t('set.template.title')} rules={[{ required: true, whitespace: true }, { max: 30 }]}>
                <Input maxLength={30} data-testid="template-title" />
              </Form.Item>
              <Form.Item name="body" label={t('set.template.body')} rules={[{ required: true, whitespace: true }, { max: 1000 }]}>
                <Input.TextArea rows={5} maxLength={1000} showCount data-testid="template-body" />
              </Form.Item>
              <Form.Item name="sortOrder" label={t('set.sortOrder')}>
                <InputNumber min={0} max={999} precision={0} />
              </Form.Item>
              <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending} data-testid="template-add">{t('common.add')}</Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
