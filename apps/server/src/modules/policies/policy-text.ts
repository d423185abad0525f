import type { PolicyInterpretation } from '@yqt/contracts';
import { searchFieldsOf } from './search.js';

type SearchSource = {
  title: string;
  issuer: string;
  docNumber: string | null;
  tags: readonly string[];
  fullText: string;
  interpretation: Partial<PolicyInterpretation>;
};

/** Search columns of a policy: title, issuer, 文号, every tag, the full text and every part of the interpretation. */
export function policySearchFields(p: SearchSource) {
  const i = p.interpretation;
  return searchFieldsOf([
    p.title,
    p.issuer,
    p.docNumber ?? '',
    ...p.tags,
    p.fullText,
    i.audience ?? '',
    i.benefits ?? '',
    ...(i.keyConditions ?? []),
    ...(i.materials ?? []),
    i.deadlines ?? '',
    i.contact ?? '',
    ...(i.faq ?? []).flatMap((f) => [f.q, f.a]),
  ]);
}
