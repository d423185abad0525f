import { z } from 'zod';
import { IsoDateTime, PageQuery, optText, pageOf, text } from './common.js';

/**
 * 办事指南: how to get a high-frequency matter done (materials, steps, where, time limit). Public
 * reading without login; managing needs `guides.manage`.
 */

export const GuideMaterial = z.strictObject({
  name: text(200),
  /** e.g. '原件1份、复印件1份' */
  copies: z.string().trim().max(100, '不能超过100个字符').default(''),
  note: optText(300),
});
/** Output shapes (response schemas must not transform). */
export const GuideMaterialOut = z.object({ name: z.string(), copies: z.string(), note: z.string().nullable() });
export const GuideStepOut = z.object({ title: z.string(), detail: z.string() });
export const GuideFaqOut = z.object({ q: z.string(), a: z.string() });

export const GuideStep = z.strictObject({ title: text(100), detail: z.string().trim().max(1000, '不能超过1000个字符').default('') });
export const GuideFaq = z.strictObject({ q: text(300), a: text(2000) });

export const ServiceGuideSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  department: z.string(),
  timeLimit: z.string(),
  fees: z.string(),
  onlineUrl: z.string().nullable(),
  published: z.boolean(),
  updatedAt: IsoDateTime,
});
export type ServiceGuideSummary = z.infer<typeof ServiceGuideSummary>;
export const ServiceGuidePage = pageOf(ServiceGuideSummary);

export const ServiceGuideDetail = ServiceGuideSummary.extend({
  audience: z.string(),
  conditions: z.array(z.string()),
  materials: z.array(GuideMaterialOut),
  steps: z.array(GuideStepOut),
  location: z.string(),
  faq: z.array(GuideFaqOut),
  version: z.number().int(),
  createdAt: IsoDateTime,
  /** The caller may edit it (guides.manage of its operator). */
  canEdit: z.boolean(),
});
export type ServiceGuideDetail = z.infer<typeof ServiceGuideDetail>;

export const ServiceGuideListQuery = PageQuery.extend({
  /** Chinese substring search over name, category, department, conditions and materials. */
  q: z.string().trim().max(50, '搜索词不能超过50个字符').optional(),
  category: z.string().trim().max(30, '分类不能超过30个字符').optional(),
  /** guides.manage holders may include unpublished guides. */
  includeUnpublished: z.enum(['true', 'false']).optional(),
  /** Anonymous visitors of an installation with several operators: the operator's code. */
  operator: z.string().trim().max(40).optional(),
});
export type ServiceGuideListQuery = z.infer<typeof ServiceGuideListQuery>;

export const ServiceGuideCategoryQuery = z.object({ operator: z.string().trim().max(40).optional() });
export const ServiceGuideCategoryList = z.object({ items: z.array(z.object({ category: z.string(), count: z.number().int() })) });

const httpUrl = z
  .string()
  .trim()
  .max(300, '网址不能超过300个字符')
  .regex(/^https?:\/\/\S+$/, '网址应以 http:// 或 https:// 开头');

const guideFields = {
  /** Stable code, unique per operator, e.g. 'SG-001'. */
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, '编码只能包含字母、数字、连字符和下划线（最多32位）'),
  name: text(100),
  category: text(30),
  department: text(100),
  audience: z.string().trim().max(1000, '不能超过1000个字符').default(''),
  conditions: z.array(text(500)).max(30, '最多30项条件').default([]),
  materials: z.array(GuideMaterial).max(50, '最多50项材料').default([]),
  steps: z.array(GuideStep).max(30, '最多30个步骤').default([]),
  timeLimit: z.string().trim().max(100, '不能超过100个字符').default(''),
  fees: z.string().trim().max(200, '不能超过200个字符').default(''),
  location: z.string().trim().max(300, '不能超过300个字符').default(''),
  onlineUrl: httpUrl.nullish(),
  faq: z.array(GuideFaq).max(30, '最多30个问答').default([]),
};

export const ServiceGuideCreate = z.strictObject({ ...guideFields, published: z.boolean().default(true) });
export type ServiceGuideCreate = z.infer<typeof ServiceGuideCreate>;

/** Partial update guarded by `version` (compare-and-set → 409 when stale). */
export const ServiceGuideUpdate = z.strictObject({
  version: z.number().int().min(1),
  code: guideFields.code.optional(),
  name: guideFields.name.optional(),
  category: guideFields.category.optional(),
  department: guideFields.department.optional(),
  audience: z.string().trim().max(1000, '不能超过1000个字符').optional(),
  conditions: z.array(text(500)).max(30, '最多30项条件').optional(),
  materials: z.array(GuideMaterial).max(50, '最多50项材料').optional(),
  steps: z.array(GuideStep).max(30, '最多30个步骤').optional(),
  timeLimit: z.string().trim().max(100, '不能超过100个字符').optional(),
  fees: z.string().trim().max(200, '不能超过200个字符').optional(),
  location: z.string().trim().max(300, '不能超过300个字符').optional(),
  onlineUrl: httpUrl.nullish(),
  faq: z.array(GuideFaq).max(30, '最多30个问答').optional(),
});
export type ServiceGuideUpdate = z.infer<typeof ServiceGuideUpdate>;

export const ServiceGuideVersionBody = z.strictObject({ version: z.number().int().min(1) });
