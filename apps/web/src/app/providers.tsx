import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../lib/api';
import { bindNotify, notifyError } from '../shared/notify';
import { I18nProvider, useI18n } from './i18n';
import { meKey } from '../features/auth/auth.api';

declare module '@tanstack/react-query' {
  interface Register {
    /** `silent`: the caller shows the error itself (forms, login). */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

function makeQueryClient(): QueryClient {
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (err instanceof ApiError && err.status === 401) {
          qc.setQueryData(meKey, null); // session expired → the guard sends the user to /login
          return;
        }
        if (!query.meta?.silent) notifyError(err);
      },
    }),
    mutationCache: new MutationCache({
      onError: (err, _v, _c, mutation) => {
        if (err instanceof ApiError && err.status === 401) {
          qc.setQueryData(meKey, null);
          return;
        }
        if (!mutation.meta?.silent) notifyError(err);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
      },
    },
  });
  return qc;
}

function NotifyBinder() {
  const { notification, message } = AntApp.useApp();
  useEffect(() => bindNotify(notification, message), [notification, message]);
  return null;
}

function LocalizedAnt({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.title = lang === 'zh' ? '园企通 · 园区企业服务平台' : 'YuanQiTong · Park Enterprise Services';
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6 } }}>
      <AntApp>
        <NotifyBinder />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [qc] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={qc}>
      <I18nProvider>
        <LocalizedAnt>{children}</LocalizedAnt>
      </I18nProvider>
    </QueryClientProvider>
  );
}
