import { useCallback, useMemo, useState } from 'react';
import type { RuleNode } from '@yqt/contracts';
import type { EditorApi } from './rule-editor';
import {
  fromRule,
  mapNode,
  missingFields,
  newCond,
  newGroup,
  patchCond,
  removeNode,
  ruleIssues,
  toRule,
  type EdGroup,
  type RuleErrors,
} from './rule-model';
import type { Names } from './rule-text';

/**
 * State of the rule editor: the working tree, the rules as the API takes them, what is still
 * missing, problems found in the browser (same checks as the server) and those the server reported.
 */
export function useRuleDraft(initial: RuleNode | null | undefined, names: Names) {
  const [root, setRoot] = useState<EdGroup | null>(() => fromRule(initial, names));
  const [serverErrors, setServerErrors] = useState<RuleErrors>({});
  const [showMissing, setShowMissing] = useState(false);

  const update = useCallback((fn: (r: EdGroup | null) => EdGroup | null) => {
    setRoot(fn);
    // The server's verdict was about the previous draft; the preview asks again.
    setServerErrors({});
  }, []);

  const api = useMemo<EditorApi>(
    () => ({
      change: (id, patch) => update((r) => (r ? mapNode(r, id, (n) => (n.type === 'cond' ? patchCond(n, patch, names) : n)) : r)),
      setGroup: (id, patch) => update((r) => (r ? mapNode(r, id, (n) => (n.type === 'group' ? { ...n, ...patch } : n)) : r)),
      add: (groupId, node) => update((r) => (r ? mapNode(r, groupId, (n) => (n.type === 'group' ? { ...n, children: [...n.children, node] } : n)) : r)),
      remove: (id) => update((r) => (r ? removeNode(r, id) : r)),
    }),
    [update, names],
  );

  /** An empty root group means "no conditions" (the policy matches nobody automatically). */
  const rule = useMemo(() => (root && root.children.length ? toRule(root) : null), [root]);
  const missing = useMemo(() => (root && rule ? missingFields(root) : {}), [root, rule]);
  const missingCount = Object.keys(missing).length;
  const clientErrors = useMemo<RuleErrors>(() => (rule && !missingCount ? ruleIssues(rule) : {}), [rule, missingCount]);
  const errors = useMemo<RuleErrors>(() => ({ ...clientErrors, ...serverErrors }), [clientErrors, serverErrors]);

  return {
    root,
    api,
    rule,
    missing,
    missingCount,
    errors,
    clientErrorCount: Object.keys(clientErrors).length,
    ready: !!rule && !missingCount && !Object.keys(clientErrors).length,
    setServerErrors,
    showMissing,
    setShowMissing,
    start: () => update(() => ({ ...newGroup('all'), children: [newCond('compare')] })),
    clear: () => update(() => null),
    reset: (r: RuleNode | null | undefined) => {
      setRoot(fromRule(r, names));
      setServerErrors({});
      setShowMissing(false);
    },
  };
}

export type RuleDraft = ReturnType<typeof useRuleDraft>;
