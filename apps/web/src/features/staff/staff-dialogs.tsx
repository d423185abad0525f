import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import type { ButtonProps } from 'antd';
import { roleLabels, type Role, type StaffSummary } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { notifySuccess } from '../../shared/notify';
import { confirmRule, usePasswordRules } from '../../shared/password-rules';
import { showFormError } from '../../shared/form-errors';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useAreas } from '../grid/grid.api';
import { useParks } from '../parks/parks.api';
import { useCreateStaff, useDepartments, useResetStaffPassword, useUpdateStaff } from './staff.api';

/** Roles an administrator can give a staff account (enterprise contacts are managed elsewhere). */
export const staffRoles = ['admin', 'leader', 'park_manager', 'liaison', 'dept_handler'] as const;
type StaffRole = (typeof staffRoles)[number];

type Values = {
  name: string;
  username: string;
  password: string;
  roles: StaffRole[];
  title: string;
  phone: string;
  departmentId: string | null;
  areaId: string | null;
  parkIds: string[];
  active: boolean;
};

export type StaffDialogState = { mode: 'create' } | { mode: 'edit'; staff: StaffSummary };

/** 新增 / 编辑工作人员. StaffSummary carries no park list, so on edit parks are only sent when changed. */
export function StaffDialog({ state, onClose }: { state: StaffDialogState; onClose: () => void }) {
  const { t, label } = useI18n();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const depts = useDepartments();
  const areas = useAreas();
  const parks = useParks();
  const passwordRules = usePasswordRules();
  const editing = state.mode === 'edit' ? state.staff : null;
  const roles = Form.useWatch('roles', form) ?? [];
  const isParkManager = roles.includes('park_manager');
  const wasParkManager = editing?.roles.includes('park_manager') ?? false;
  // A new park manager must get parks; an existing one keeps theirs when the field is left empty.
  const parksRequired = isParkManager && !wasParkManager;

  const initialValues: Values = {
    name: editing?.name ?? '',
    username: '',
    password: '',
    roles: (editing?.roles.filter((r): r is StaffRole => (staffRoles as readonly string[]).includes(r)) ?? []),
    title: editing?.title ?? '',
    phone: editing?.phone ?? '',
    departmentId: editing?.departmentId ?? null,
    areaId: editing?.areaId ?? null,
    parkIds: [],
    active: editing?.active ?? true,
  };

  const submit = async () => {
    const v = await form.validateFields();
    const common = {
      name: v.name.trim(),
      roles: v.roles,
      title: v.title?.trim() || null,
      phone: v.phone?.trim() || null,
      departmentId: v.departmentId ?? null,
      areaId: v.areaId ?? null,
    };
    try {
      if (!editing) {
        await create.mutateAsync({ ...common, username: v.username.trim(), password: v.password, parkIds: v.roles.includes('park_manager') ? v.parkIds : [] });
        notifySuccess(t('staff.created'));
      } else {
        let parkIds: string[] | undefined;
        if (!v.roles.includes('park_manager')) parkIds = wasParkManager ? [] : undefined;
        else if (v.parkIds.length) parkIds = v.parkIds;
        await update.mutateAsync({ id: editing.id, body: { ...common, active: v.active, ...(parkIds ? { parkIds } : {}) } });
        notifySuccess(t('common.saved'));
      }
      onClose();
    } catch (e) {
      showFormError(form, e);
    }
  };

  return (
    <Modal
      open
      title={editing ? t('staff.editTitle', { name: editing.name }) : t('staff.newTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'staff-save' } as ButtonProps}
      width={isMobile ? '100%' : 560}
    >
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <Form.Item name="name" label={t('staff.name')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
          <Input maxLength={50} data-testid="staff-name" />
        </Form.Item>
        {editing ? null : (
          <>
            <Form.Item
              name="username"
              label={t('staff.username')}
              extra={t('staff.usernameHint')}
              rules={[{ required: true }, { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: t('staff.usernamePattern') }]}
            >
              <Input maxLength={32} autoComplete="off" data-testid="staff-username" />
            </Form.Item>
            <Form.Item name="password" label={t('staff.password')} extra={t('staff.passwordRule')} rules={passwordRules}>
              <Input.Password maxLength={128} autoComplete="new-password" data-testid="staff-password" />
            </Form.Item>
          </>
        )}
        <Form.Item name="roles" label={t('staff.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}>
          <Select mode="multiple" options={staffRoles.map((r) => ({ value: r, label: label(roleLabels[r as Role], r) }))} data-testid="staff-roles" />
        </Form.Item>
        {isParkManager ? (
          <Form.Item
            name="parkIds"
            label={t('staff.parks')}
            extra={wasParkManager ? t('staff.parksKeepHint') : undefined}
            rules={parksRequired ? [{ required: true, type: 'array', min: 1, message: t('staff.parksRequired') }] : []}
          >
            <Select
              mode="multiple"
              loading={parks.isFetching}
              options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              maxCount={20}
              data-testid="staff-parks"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="departmentId" label={t('staff.department')}>
          <Select
            allowClear
            loading={depts.isFetching}
            options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="staff-department"
          />
        </Form.Item>
        <Form.Item name="areaId" label={t('staff.area')}>
          <Select
            allowClear
            loading={areas.isFetching}
            options={(areas.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="staff-area"
          />
        </Form.Item>
        <Form.Item name="title" label={t('staff.title')} rules={[{ max: 50 }]}>
          <Input maxLength={50} data-testid="staff-title" />
        </Form.Item>
        <Form.Item name="phone" label={t('staff.phone')} rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: t('staff.phoneInvalid') }]}>
          <Input maxLength={20} data-testid="staff-phone" />
        </Form.Item>
        {editing ? (
          <Form.Item name="active" label={t('staff.activeSwitch')} valuePropName="checked">
            <Switch data-testid="staff-active" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** 重置密码 (admin): every session of that user ends. */
export function ResetPasswordDialog({ staff, onClose }: { staff: StaffSummary; onClose: () => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetStaffPassword();
  const passwordRules = usePasswordRules();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await reset.mutateAsync({ id: staff.id, password: v.password });
      notifySuccess(t('staff.passwordResetDone'));
      onClose();
    } catch (e) {
      showFormError(form, e);
    }
  };
  return (
    <Modal
      open
      title={t('staff.resetPasswordTitle', { name: staff.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      okButtonProps={{ 'data-testid': 'staff-save' } as ButtonProps}
      width={isMobile ? '100%' : 420}
    >
      <Alert type="warning" showIcon title={t('staff.resetPasswordHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ password: '', confirm: '' }}>
        <Form.Item name="password" label={t('staff.newPassword')} extra={t('staff.passwordRule')} rules={passwordRules}>
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="staff-new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('staff.confirmPassword')}
          dependencies={['password']}
          rules={[{ required: true, message: t('staff.passwordMismatch') }, confirmRule('password', t('staff.passwordMismatch'))]}
        >
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="staff-confirm-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
