import { creditCodeMessages, creditCodeProblem, normalizeCreditCode } from '@yqt/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.js';
import { conflict, invalid } from '../../core/errors.js';
import { enterprises } from '../../db/schema/index.js';

/** Normalises and validates; throws 400 naming `creditCode`. */
export function checkedCreditCode(raw: string, path = 'creditCode'): string {
  const code = normalizeCreditCode(raw);
  const problem = creditCodeProblem(code);
  if (problem) throw invalid(path, creditCodeMessages[problem], `credit_code_${problem}`);
  return code;
}

/** 409 when another enterprise of the operator already has this code. */
export async function assertCreditCodeFree(db: DbOrTx, operatorId: string, code: string, exceptId?: string) {
  const [dup] = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(
      and(eq(enterprises.operatorId, operatorId), eq(enterprises.creditCode, code), exceptId ? ne(enterprises.id, exceptId) : undefined),
    )
    .limit(1);
  if (dup) {
    throw conflict(`统一社会信用代码已被“${dup.name}”使用`, [
      { path: 'creditCode', code: 'duplicate', message: `统一社会信用代码已被“${dup.name}”使用` },
    ]);
  }
}
