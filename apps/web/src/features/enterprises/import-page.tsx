import { Button, Result } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { ImportFlow } from '../../shared/import-flow';
import { Page } from '../../shared/page';
import { useImport } from './enterprises.api';

/** /enterprises/import — 企业名录导入: template, dry run listing row / column / reason, then all-or-nothing import. */
export default function ImportPage() {
  const { t } = useI18n();
  return (
    <Page title={t('import.title')} extra={<Link to="/enterprises"><Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button></Link>}>
      <ImportFlow
        useImportMutation={useImport}
        templatePath="/enterprises/import/template.xlsx"
        createdLabel={t('import.toCreate')}
        updatedLabel={t('import.toUpdate')}
        done={(r, reset) => (
          <Result
            status="success"
            title={t('import.committed', { c: r.toCreate, u: r.toUpdate })}
            extra={[
              <Link key="list" to="/enterprises"><Button type="primary">{t('ent.list')}</Button></Link>,
              <Button key="again" onClick={reset}>{t('import.choose')}</Button>,
            ]}
            data-testid="import-done"
          />
        )}
      />
    </Page>
  );
}
