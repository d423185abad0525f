import { Typography } from 'antd';
import type { RuleNode } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { describeCondition, isGroup, type Names } from './rule-text';

function Node({ n, names, depth }: { n: RuleNode; names: Names; depth: number }) {
  const { lang, t } = useI18n();
  if (isGroup(n)) {
    const children = n.kind === 'not' ? [n.child] : n.children;
    // not(any(…)) reads as one "none of" list.
    const flat = n.kind === 'not' && n.child.kind === 'any' && !n.child.label ? n.child.children : children;
    return (
      <div className={depth ? 'yqt-rule-group nested' : 'yqt-rule-group'}>
        <div className="yqt-rule-heading">
          {n.label && depth ? <Typography.Text strong>{n.label}：</Typography.Text> : null}
          <Typography.Text type={depth ? 'secondary' : undefined}>{t(`rule.heading.${n.kind}`)}</Typography.Text>
        </div>
        <ul>
          {flat.map((c, i) => (
            <li key={i}>
              <Node n={c} names={names} depth={depth + 1} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const words = describeCondition(n, lang, names);
  return (
    <div className="yqt-rule-cond" data-testid="rule-condition">
      <div>{n.label}</div>
      {words !== n.label ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{words}</Typography.Text> : null}
    </div>
  );
}

/** A rule tree in plain words: each condition's label, with its exact requirement underneath. */
export function RuleView({ rules, names = {} }: { rules: RuleNode | null; names?: Names }) {
  const { t } = useI18n();
  if (!rules) return <Typography.Text type="secondary">{t('pol.noRules')}</Typography.Text>;
  return (
    <div className="yqt-rule-view" data-testid="rule-view">
      <Node n={rules} names={names} depth={0} />
    </div>
  );
}
