import { Button, Result } from 'antd';
import { useI18n } from '../../../app/i18n';
import { ImportFlow } from '../../../shared/import-flow';
import { Page } from '../../../shared/page';
import { useIndicatorImport } from './indicators.api';

/** /indicators/import — 经营指标批量导入: template, dry run listing row / column / reason, then all-or-nothing import. */
export default function IndicatorImportPage() {
  const { t } = useI18n();
  return (
    <Page title={t('ind.import.title')}>
      <ImportFlow
        useImportMutation={useIndicatorImport}
        templatePath="/indicators/template.xlsx"
        hint={t('ind.import.hint')}
        createdLabel={t('ind.import.toCreate')}
        updatedLabel={t('ind.import.toUpdate')}
        done={(r, reset) => (
          <Result
            status="success"
            title={t('ind.import.committed', { c: r.toCreate, u: r.toUpdate })}
            extra={[<Button key="again" type="primary" onClick={reset}>{t('import.choose')}</Button>]}
            data-testid="import-done"
          />
        )}
      />
    </Page>
  );
}
