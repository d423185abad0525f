import { useRef, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Result, Row, Statistic, Steps, Table, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportResult, ImportRowError } from '@yqt/contracts';
import { useI18n } from '../../../app/i18n';
import { apiUrl, ApiError } from '../../../lib/api';
import { notifyError } from '../../../shared/notify';
import { Page } from '../../../shared/page';
import { useIndicatorImport } from './indicators.api';

/** Row errors from a failed commit: 400 with details `{ rows: [...] }`. */
function rowsOf(err: unknown): ImportRowError[] | null {
  if (!(err instanceof ApiError) || !err.details || Array.isArray(err.details)) return null;
  const rows = (err.details as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : null;
}

/** /indicators/import — 经营指标批量导入: template, dry run listing row / column / reason, then all-or-nothing import. */
export default function IndicatorImportPage() {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const check = useIndicatorImport();
  const commit = useIndicatorImport();

  const onPick = (f: File | undefined) => {
    if (!f) return;
    setFile(f);
    setPreview(null);
    setDone(null);
    check.mutate({ file: f, dryRun: true }, { onSuccess: setPreview, onError: notifyError });
  };

  const onCommit = () => {
    if (!file) return;
    commit.mutate(
      { file, dryRun: false },
      {
        onSuccess: (r) => {
          setDone(r);
          setPreview(null);
        },
        onError: (e) => {
          const rows = rowsOf(e);
          if (rows && preview) setPreview({ ...preview, errors: rows });
          notifyError(e);
        },
      },
    );
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setDone(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  const errors = preview?.errors ?? [];
  const canCommit = !!preview && errors.length === 0 && preview.validRows > 0 && !commit.isPending;

  return (
    <Page title={t('ind.import.title')}>
      {done ? (
        <Result
          status="success"
          title={t('ind.import.committed', { c: done.toCreate, u: done.toUpdate })}
          extra={[<Button key="again" type="primary" onClick={reset}>{t('import.choose')}</Button>]}
          data-testid="import-done"
        />
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">{t('ind.import.hint')}</Typography.Paragraph>
            <Steps
              orientation="vertical"
              size="small"
              current={preview ? 2 : file ? 1 : 0}
              items={[
                {
                  title: t('import.step1'),
                  content: (
                    <a href={apiUrl('/indicators/template.xlsx')} download>
                      <Button icon={<DownloadOutlined />} style={{ margin: '8px 0' }}>{t('import.template')}</Button>
                    </a>
                  ),
                },
                {
                  title: t('import.step2'),
                  content: (
                    <Flex gap={8} align="center" wrap style={{ margin: '8px 0' }}>
                      <input
                        ref={inputRef}
                        type="file"
                        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                        style={{ display: 'none' }}
                        onChange={(e) => onPick(e.target.files?.[0])}
                        data-testid="import-file"
                      />
                      <Button icon={<UploadOutlined />} loading={check.isPending} onClick={() => inputRef.current?.click()}>
                        {check.isPending ? t('import.checking') : t('import.choose')}
                      </Button>
                      {file ? <Typography.Text><FileExcelOutlined /> {t('import.file', { name: file.name })}</Typography.Text> : null}
                    </Flex>
                  ),
                },
                {
                  title: t('import.commit'),
                  content: (
                    <Button
                      type="primary"
                      icon={<CheckOutlined />}
                      disabled={!canCommit}
                      loading={commit.isPending}
                      onClick={onCommit}
                      style={{ margin: '8px 0' }}
                      data-testid="import-commit"
                    >
                      {t('import.commit')}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
          {preview ? (
            <Card data-testid="import-preview">
              <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
                <Col xs={12} md={4}><Statistic title={t('import.totalRows')} value={preview.totalRows} /></Col>
                <Col xs={12} md={5}><Statistic title={t('import.validRows')} value={preview.validRows} /></Col>
                <Col xs={12} md={5}><Statistic title={t('ind.import.toCreate')} value={preview.toCreate} /></Col>
                <Col xs={12} md={5}><Statistic title={t('ind.import.toUpdate')} value={preview.toUpdate} /></Col>
                <Col xs={12} md={5}>
                  <Statistic title={t('import.errorCount')} value={errors.length} styles={{ content: { color: errors.length ? '#cf1322' : undefined } }} />
                </Col>
              </Row>
              {errors.length ? (
                <>
                  <Alert type="error" showIcon title={t('import.errors')} style={{ marginBottom: 12 }} />
                  <div data-testid="import-errors">
                    <Table<ImportRowError>
                      rowKey={(r) => `${r.row}-${r.column}-${r.reason}`}
                      size="small"
                      dataSource={errors}
                      scroll={{ x: 'max-content' }}
                      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
                      columns={[
                        { title: t('import.row'), dataIndex: 'row', width: 80 },
                        { title: t('import.column'), dataIndex: 'column', width: 160 },
                        { title: t('import.reason'), dataIndex: 'reason' },
                      ]}
                    />
                  </div>
                </>
              ) : (
                <Alert type="success" showIcon title={t('import.noErrors')} />
              )}
            </Card>
          ) : null}
        </>
      )}
    </Page>
  );
}
