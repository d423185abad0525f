import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { LangSwitch } from '../../app/lang-switch';
import { useLogin, useMe } from './auth.api';

type LoginForm = { username: string; password: string };

export default function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  if (me.data) return <Navigate to={target} replace />;

  const onFinish = (values: LoginForm) => {
    setError(null);
    login.mutate(values, {
      onSuccess: () => navigate(target, { replace: true }),
      onError: (e) => setError(e.message),
    });
  };

  return (
    <div className="yqt-login">
      <div className="yqt-login-lang">
        <LangSwitch />
      </div>
      <Card className="yqt-login-card">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <div className="yqt-logo-mark">园</div>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </div>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
