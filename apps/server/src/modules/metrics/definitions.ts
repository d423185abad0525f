/**
 * The metric definitions in Chinese, returned with every answer so the UI, the cockpit and the
 * reports show the same wording. docs/metrics.md is the long form; keep the two in step.
 */
export const metricCodes = [
  'received',
  'merged',
  'accepted',
  'resolved',
  'closed',
  'open',
  'overdue',
  'acceptOnTime',
  'feedbackOnTime',
  'resolveOnTime',
  'closure',
  'satisfaction',
  'followUp',
  'reopen',
  'acceptTime',
  'feedbackTime',
  'resolveTime',
] as const;
export type MetricCode = (typeof metricCodes)[number];

const COHORT = '统计范围：受理时间（received_at）落在统计区间 [from, to) 内、且在当前用户可见范围和筛选条件内的诉求（并单的重复诉求除外）；状态以 asOf 时刻为准。';

export function metricDefinitions(basicSatisfiedCounts: boolean): Record<MetricCode, string> {
  const satisfied = basicSatisfiedCounts ? '非常满意、满意、基本满意（5、4、3星）' : '非常满意、满意（5、4星；基本满意不计入，可在运营设置中调整）';
  return {
    received: `诉求量：统计范围内的诉求件数。${COHORT}`,
    merged: '并单数：统计区间内受理、后被并入其他诉求的重复诉求件数（close_reason = merged），不计入诉求量及其他各项指标。',
    accepted: '已受理数：已签收受理（accepted_at 不为空）的诉求件数。',
    resolved: '已解决数：当前处于已解决状态或解决后已办结（resolved_at 不为空）的诉求件数；重新打开后未再次解决的不计入。',
    closed: '办结数：已办结（closed_at 不为空）的诉求件数，含企业确认、评价办结、超时自动办结（未评价）和不予受理（已说明理由）。',
    open: '在办数：当前处于待受理、已受理、办理中、待补充或重点难题状态的诉求件数（已解决待确认的不计入）。',
    overdue: '超期数：在办诉求中，至少有一个时限（受理、首次反馈、解决）已过截止时间仍未完成的件数；暂停（待补充）期间不计超期，但暂停前已超期的仍计。',
    acceptOnTime:
      '及时受理率 = 按时受理数 / 已到期受理数。受理时间（或不予受理的办结时间）不晚于受理截止时间为按时；已完成的按完成时间判定，未完成且已过截止时间（且不在暂停中，或暂停前已超期）的计为超时；未到截止时间的不计入分母（pending）。暂停时间已通过顺延截止时间扣除。',
    feedbackOnTime:
      '及时反馈率 = 按时首次反馈数 / 已到期首次反馈数。首次反馈（解决也算一次反馈；不予受理的说明视为反馈）不晚于反馈截止时间为按时；判定规则同及时受理率。',
    resolveOnTime:
      '按时解决率 = 按时解决数 / 已到期解决数。以当前一轮为准：重新打开或差评整改后按新的截止时间和新的解决时间判定；不予受理等未解决即办结的诉求不适用、不计入。判定规则同及时受理率。',
    closure: '办结率 = 办结数 / 诉求量。',
    satisfaction: `满意率 = 满意件数 / 已评价件数。满意指${satisfied}；未评价的（包括超时自动办结）既不计入分子也不计入分母，永不视为满意。`,
    followUp: '回访率 = 已办结且至少有一条回访记录（截至 asOf）的诉求件数 / 办结数。',
    reopen: '重办率 = 重新打开过（reopen_count > 0，含企业重新打开和差评整改）的诉求件数 / 曾解决或办结过的诉求件数（resolved_at 或 closed_at 不为空，或已重新打开过）。',
    acceptTime:
      '受理时长：从受理时间（received_at）到受理（或不予受理办结）的工作分钟数（工作日 08:30–17:30，按工作日历），给出平均值和 P90（线性插值的第 90 百分位）；只统计已完成的。时长含暂停时间。',
    feedbackTime: '首次反馈时长：从受理时间到首次反馈（或不予受理办结）的工作分钟数，平均值和 P90；只统计已完成的。时长含暂停时间。',
    resolveTime: '解决时长：从受理时间到（最近一次）解决的工作分钟数，平均值和 P90；只统计已解决的。时长含暂停时间。',
  };
}
