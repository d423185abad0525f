import { Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useI18n } from '../../app/i18n';
import { notifySuccess } from '../../shared/notify';
import { useIsMobile } from '../../shared/use-is-mobile';
import { confirmRule, usePasswordRules } from '../../shared/password-rules';
import { showFormError } from '../../shared/form-errors';
import { useChangeOwnPassword } from './auth.api';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** 修改密码 for the signed-in user; the server ends their other sessions, this one stays. */
export function PasswordChangeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const change = useChangeOwnPassword();
  const passwordRules = usePasswordRules();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      notifySuccess(t('user.passwordChanged'));
      onClose();
    } catch (e) {
      showFormError(form, e);
    }
  };
  return (
    <Modal
      open
      title={t('user.changePassword')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      okButtonProps={{ 'data-testid': 'password-change-save' } as ButtonProps}
      width={isMobile ? '100%' : 420}
    >
      <Form form={form} layout="vertical" initialValues={{ currentPassword: '', newPassword: '', confirm: '' }}>
        <Form.Item name="currentPassword" label={t('user.currentPassword')} rules={[{ required: true, message: t('user.currentPasswordRequired') }]}>
          <Input.Password maxLength={128} autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('staff.newPassword')} extra={t('staff.passwordRule')} rules={passwordRules}>
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('staff.confirmPassword')}
          dependencies={['newPassword']}
          rules={[{ required: true, message: t('staff.passwordMismatch') }, confirmRule('newPassword', t('staff.passwordMismatch'))]}
        >
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
