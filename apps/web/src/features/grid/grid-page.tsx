import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { Page } from '../../shared/page';
import { AreasTab } from './areas-tab';
import { WorkloadTab } from './workload-tab';

export default function GridPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'areas' ? 'areas' : 'workload';
  return (
    <Page title={t('nav.grid')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'areas' ? { tab: 'areas' } : {}, { replace: true })}
        items={[
          { key: 'workload', label: t('grid.workload'), children: <WorkloadTab /> },
          { key: 'areas', label: t('grid.areas'), children: <AreasTab /> },
        ]}
      />
    </Page>
  );
}
