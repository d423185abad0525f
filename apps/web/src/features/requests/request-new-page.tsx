import { Form } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useMe } from '../auth/auth.api';
import { RequestForm, toRequestBody, type RequestFormValues } from './request-form';
import { requestKeys, useCreateRequest } from './requests.api';
import { useQueryClient } from '@tanstack/react-query';
import { uploadAttachment } from './attachments';

export default function RequestNewPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params] = useSearchParams();
  const [form] = Form.useForm<RequestFormValues>();
  const create = useCreateRequest();
  const qc = useQueryClient();
  const staff = me?.scope.kind !== 'enterprise';

  const onFinish = (v: RequestFormValues) =>
    create.mutate(toRequestBody(v, { staff, isMobile }), {
      onSuccess: async (r) => {
        // Files go up one by one after the request exists; a failed file does not undo the request.
        for (const f of v.photos ?? []) await uploadAttachment(r.id, f).catch(notifyError);
        // The created request is cached without its files: fetch it again with them.
        if (v.photos?.length) await qc.invalidateQueries({ queryKey: requestKeys.detail(r.id) });
        notifySuccess(t(staff ? 'req.registered' : 'req.submitted'));
        navigate(`/requests/${r.id}`, { replace: true });
      },
      onError: (e) => {
        applyServerErrors(form, e);
        notifyError(e);
      },
    });

  return (
    <Page title={t(staff ? 'req.register' : 'req.new')}>
      <div style={{ maxWidth: staff ? undefined : 720 }}>
        <RequestForm
          form={form}
          staff={staff}
          onFinish={onFinish}
          submitting={create.isPending}
          onCancel={() => navigate(-1)}
          initialValues={params.get('enterpriseId') ? { enterpriseId: params.get('enterpriseId')! } : undefined}
        />
      </div>
    </Page>
  );
}
