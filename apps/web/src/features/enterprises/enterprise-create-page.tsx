import { Form } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { Page } from '../../shared/page';
import { EnterpriseForm, toEnterpriseBody, type EnterpriseFormValues } from './enterprise-form';
import { useCreateEnterprise } from './enterprises.api';

export default function EnterpriseCreatePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const create = useCreateEnterprise();

  const onFinish = (v: EnterpriseFormValues) =>
    create.mutate(toEnterpriseBody(v), {
      onSuccess: (e) => {
        notifySuccess(t('ent.created'));
        navigate(`/enterprises/${e.id}`, { replace: true });
      },
      onError: (e) => {
        // 409 CONFLICT = duplicate credit code: show it on the field as well.
        if (!applyServerErrors(form, e) && e instanceof ApiError && e.code === 'CONFLICT')
          form.setFields([{ name: 'creditCode', errors: [e.message] }]);
        notifyError(e);
      },
    });

  return (
    <Page title={t('ent.create')}>
      <EnterpriseForm
        form={form}
        initialValues={params.get('parkId') ? { parkId: params.get('parkId')! } : undefined}
        onFinish={onFinish}
        submitting={create.isPending}
        onCancel={() => navigate(-1)}
      />
    </Page>
  );
}
