import { useEffect } from 'react';
import { Form } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { EnterpriseDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { api, ApiError } from '../../lib/api';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess, notifyWarning } from '../../shared/notify';
import { Page } from '../../shared/page';
import { QueryState } from '../../shared/query-state';
import { NotFound } from '../../app/not-found';
import { EnterpriseForm, fromEnterprise, toEnterpriseBody, type EnterpriseFormValues } from './enterprise-form';
import { enterpriseKeys, useEnterprise, useUpdateEnterprise } from './enterprises.api';

/** A stale-version 409 carries `{ currentVersion }`; a duplicate credit code carries field details. */
function isStale(err: ApiError): boolean {
  const d = err.details;
  return (!!d && !Array.isArray(d) && 'currentVersion' in d) || err.message.includes('他人修改');
}

export default function EnterpriseEditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useEnterprise(id);
  const update = useUpdateEnterprise(id);
  const [form] = Form.useForm<EnterpriseFormValues>();
  const e = q.data;

  useEffect(() => {
    if (e) form.setFieldsValue(fromEnterprise(e));
  }, [e, form]);

  if (e && !e.abilities.edit) return <NotFound />;

  const onFinish = (v: EnterpriseFormValues) => {
    if (!e) return;
    update.mutate(
      { ...toEnterpriseBody(v), version: e.version },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          navigate(`/enterprises/${id}`);
        },
        onError: async (err) => {
          if (err instanceof ApiError && err.code === 'CONFLICT' && isStale(err)) {
            // Stale version: somebody saved first. Load theirs; the user re-applies the change.
            notifyWarning(t('ent.conflict'));
            const fresh = await api.get<EnterpriseDetail>(`/enterprises/${id}`);
            qc.setQueryData(enterpriseKeys.detail(id), fresh);
            form.setFieldsValue(fromEnterprise(fresh));
            return;
          }
          if (!applyServerErrors(form, err) && err instanceof ApiError && err.code === 'CONFLICT')
            form.setFields([{ name: 'creditCode', errors: [err.message] }]);
          notifyError(err);
        },
      },
    );
  };

  return (
    <Page title={e ? `${t('ent.edit')} · ${e.name}` : t('ent.edit')}>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {e ? (
          <EnterpriseForm form={form} initialValues={fromEnterprise(e)} onFinish={onFinish} submitting={update.isPending} onCancel={() => navigate(`/enterprises/${id}`)} />
        ) : null}
      </QueryState>
    </Page>
  );
}
