import type { ReactNode } from 'react';
import { Card, Collapse, Descriptions, Flex, Tag, Typography } from 'antd';
import { DownloadOutlined, FileOutlined, PhoneOutlined } from '@ant-design/icons';
import type { PolicyDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { dash } from '../../shared/format';
import { attachmentUrl } from './policies.api';
import { BenefitTag, LevelTag, useAmountText, useWindowText, WindowBadge } from './labels';
import type { Names } from './rule-text';
import { RuleView } from './rule-view';

function Section({ title, children, testid }: { title: ReactNode; children: ReactNode; testid?: string }) {
  return (
    <section className="yqt-interp-section" data-testid={testid}>
      <Typography.Title level={5} className="yqt-interp-title">{title}</Typography.Title>
      {children}
    </section>
  );
}

export function fmtSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Header facts: issuer, level, 文号, dates, window, benefit, amount, department, tags. */
export function PolicyFacts({ p }: { p: PolicyDetail }) {
  const { t } = useI18n();
  const windowText = useWindowText();
  const amount = useAmountText()(p.maxAmountWan);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      data-testid="policy-facts"
      items={[
        { key: 'issuer', label: t('pol.issuer'), children: p.issuer },
        { key: 'level', label: t('pol.level'), children: <Flex gap={4} wrap><LevelTag level={p.level} /><BenefitTag type={p.benefitType} /></Flex> },
        { key: 'doc', label: t('pol.docNumber'), children: dash(p.docNumber) },
        { key: 'amount', label: t('pol.maxAmount'), children: amount ?? '—' },
        { key: 'window', label: t('pol.applyWindow'), children: <Flex gap={6} wrap align="center">{windowText(p)} <WindowBadge p={p} /></Flex> },
        { key: 'dept', label: t('pol.department'), children: dash(p.departmentName) },
        { key: 'published', label: t('pol.publishedOn'), children: dash(p.publishedOn) },
        {
          key: 'effective',
          label: t('pol.effective'),
          children: p.effectiveFrom || p.expiresOn ? t('pol.windowRange', { from: p.effectiveFrom ?? '—', to: p.expiresOn ?? t('pol.openEnd') }) : '—',
        },
        ...(p.tags.length ? [{ key: 'tags', label: t('pol.tags'), span: 'filled' as const, children: <Flex gap={4} wrap>{p.tags.map((x) => <Tag key={x}>{x}</Tag>)}</Flex> }] : []),
      ]}
    />
  );
}

/** 政策解读 first (who, what, key conditions, materials, deadlines, contact, FAQ). */
export function Interpretation({ p }: { p: PolicyDetail }) {
  const { t } = useI18n();
  const i = p.interpretation;
  const materials = i.materials.length ? i.materials : p.materials.map((m) => (m.required ? m.name : `${m.name}（${t('pol.optional')}）`));
  return (
    <Card title={t('pol.interpretation')} size="small" style={{ marginBottom: 12 }} data-testid="policy-interpretation" className="yqt-interp">
      {i.audience ? (
        <Section title={t('pol.interp.audience')} testid="interp-audience">
          <Typography.Paragraph className="yqt-pre">{i.audience}</Typography.Paragraph>
        </Section>
      ) : null}
      {i.benefits ? (
        <Section title={t('pol.interp.benefits')} testid="interp-benefits">
          <Typography.Paragraph className="yqt-pre yqt-interp-benefits">{i.benefits}</Typography.Paragraph>
        </Section>
      ) : null}
      {i.keyConditions.length ? (
        <Section title={t('pol.interp.keyConditions')} testid="interp-conditions">
          <ul className="yqt-pub-ul yqt-check-list">{i.keyConditions.map((c, n) => <li key={n}>{c}</li>)}</ul>
        </Section>
      ) : null}
      {materials.length ? (
        <Section title={t('pol.interp.materials')} testid="interp-materials">
          <ol className="yqt-pub-ol">{materials.map((m, n) => <li key={n}>{m}</li>)}</ol>
        </Section>
      ) : null}
      {i.deadlines ? (
        <Section title={t('pol.interp.deadlines')}>
          <Typography.Paragraph className="yqt-pre">{i.deadlines}</Typography.Paragraph>
        </Section>
      ) : null}
      {i.contact ? (
        <Section title={t('pol.interp.contact')}>
          <Typography.Paragraph className="yqt-pre"><PhoneOutlined /> {i.contact}</Typography.Paragraph>
        </Section>
      ) : null}
      {i.faq.length ? (
        <Section title={t('pub.faq')} testid="interp-faq">
          <Collapse size="small" items={i.faq.map((f, n) => ({ key: n, label: f.q, children: <Typography.Paragraph className="yqt-pre" style={{ marginBottom: 0 }}>{f.a}</Typography.Paragraph> }))} />
        </Section>
      ) : null}
      {!i.audience && !i.benefits && !i.keyConditions.length && !materials.length && !i.deadlines && !i.contact && !i.faq.length ? (
        <Typography.Text type="secondary">{t('pol.noInterpretation')}</Typography.Text>
      ) : null}
    </Card>
  );
}

export function Attachments({ p }: { p: PolicyDetail }) {
  const { t } = useI18n();
  if (!p.attachments.length) return null;
  return (
    <Card title={t('pol.attachments')} size="small" style={{ marginBottom: 12 }}>
      <Flex vertical gap={6}>
        {p.attachments.map((a) => (
          <a key={a.id} href={attachmentUrl(p.id, a.id)} target="_blank" rel="noopener noreferrer" data-testid="policy-attachment">
            <FileOutlined /> {a.filename} <Typography.Text type="secondary">({fmtSize(a.size)})</Typography.Text> <DownloadOutlined />
          </a>
        ))}
      </Flex>
    </Card>
  );
}

/** The reading view of a policy: interpretation, conditions in words, full text, attachments. */
export function PolicyBody({ p, names }: { p: PolicyDetail; names?: Names }) {
  const { t } = useI18n();
  return (
    <>
      <Interpretation p={p} />
      <Card title={t('pol.conditions')} size="small" style={{ marginBottom: 12 }} data-testid="policy-conditions">
        <RuleView rules={p.rules} names={names} />
      </Card>
      {p.fullText ? (
        <Card title={t('pol.fullText')} size="small" style={{ marginBottom: 12 }}>
          <Typography.Paragraph className="yqt-pre" ellipsis={{ rows: 8, expandable: 'collapsible', symbol: (open) => (open ? t('pub.collapse') : t('pub.expand')) }} style={{ marginBottom: 0 }} data-testid="policy-fulltext">
            {p.fullText}
          </Typography.Paragraph>
        </Card>
      ) : null}
      <Attachments p={p} />
    </>
  );
}
