import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Steps, Table, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ImportResult, ImportRowError } from '@yqt/contracts';
import { useI18n } from '../app/i18n';
import { apiUrl, ApiError } from '../lib/api';
import { notifyError } from './notify';

type ImportMutation = () => UseMutationResult<ImportResult, Error, { file: File; dryRun: boolean }>;

/** Row errors from a failed commit: 400 with details `{ rows: [...] }`. */
function rowsOf(err: unknown): ImportRowError[] | null {
  if (!(err instanceof ApiError) || !err.details || Array.isArray(err.details)) return null;
  const rows = (err.details as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : null;
}

/**
 * Every spreadsheet import (roster, indicators): template, pick a file (dry run listing each bad row
 * with row / column / reason), then an all-or-nothing commit. `done` renders the success state.
 */
export function ImportFlow(props: {
  useImportMutation: ImportMutation;
  templatePath: string;
  hint?: ReactNode;
  createdLabel: string;
  updatedLabel: string;
  done: (result: ImportResult, reset: () => void) => ReactNode;
}) {
  const { useImportMutation, templatePath, hint, createdLabel, updatedLabel, done: renderDone } = props;
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const check = useImportMutation();
  const commit = useImportMutation();

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
  if (done) return <>{renderDone(done, reset)}</>;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
        <Steps
          orientation="vertical"
          size="small"
          current={preview ? 2 : file ? 1 : 0}
          items={[
            {
              title: t('import.step1'),
              content: (
                <a href={apiUrl(templatePath)} download>
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
                <Button type="primary" icon={<CheckOutlined />} disabled={!canCommit} loading={commit.isPending} onClick={onCommit} style={{ margin: '8px 0' }} data-testid="import-commit">
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
            <Col xs={12} md={5}><Statistic title={createdLabel} value={preview.toCreate} /></Col>
            <Col xs={12} md={5}><Statistic title={updatedLabel} value={preview.toUpdate} /></Col>
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
  );
}
