import { Card, Flex, Tag, Typography } from 'antd';
import { CalendarOutlined, MoneyCollectOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { PolicySummary } from '@yqt/contracts';
import { BenefitTag, LevelTag, PolicyStatusTag, useAmountText, useWindowText, WindowBadge } from './labels';

/** One policy in a list: badge, title, issuer, level, benefit, max amount, window, what you get. */
export function PolicyCard({ p, to, showStatus }: { p: PolicySummary; to: string; showStatus?: boolean }) {
  const windowText = useWindowText();
  const amount = useAmountText()(p.maxAmountWan);
  return (
    <Link to={to} className="yqt-pub-card-link" data-testid="policy-card" data-row-key={p.id}>
      <Card size="small" hoverable className="yqt-pub-card">
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong className="yqt-pub-card-title">{p.title}</Typography.Text>
          <Flex gap={4} style={{ flex: 'none' }}>
            {showStatus && p.status !== 'published' ? <PolicyStatusTag status={p.status} /> : null}
            <WindowBadge p={p} />
          </Flex>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {p.issuer}
          {p.docNumber ? ` · ${p.docNumber}` : ''}
        </Typography.Text>
        <Flex wrap gap={4} style={{ marginTop: 6 }}>
          <LevelTag level={p.level} />
          <BenefitTag type={p.benefitType} />
          {amount ? <Tag color="magenta" icon={<MoneyCollectOutlined />}>{amount}</Tag> : null}
        </Flex>
        {p.benefits ? (
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '8px 0 4px', fontSize: 13 }}>
            {p.benefits}
          </Typography.Paragraph>
        ) : null}
        <div className="yqt-pub-facts">
          <span><CalendarOutlined /> {windowText(p)}</span>
          {p.tags.slice(0, 3).map((tag) => <span key={tag} className="yqt-pub-tag">#{tag}</span>)}
        </div>
      </Card>
    </Link>
  );
}
