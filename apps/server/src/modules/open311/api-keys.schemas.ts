import { Channel, Id, IsoDateTime, text } from '@yqt/contracts';
import { z } from 'zod';

/** An issued Open311 API key as the administrator sees it: never the key itself, only its prefix. */
export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key, to tell keys apart. */
  prefix: z.string(),
  /** Set for an enterprise key: every request filed with it is that enterprise's. */
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  /** The intake channel recorded on requests filed with the key. */
  channel: Channel,
  /** The service user the key acts as (timeline and audit name it). */
  userId: z.string().nullable(),
  username: z.string().nullable(),
  active: z.boolean(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** Either `enterpriseId` (an enterprise's own integration) or `channel` (an integrator filing for many enterprises). */
export const ApiKeyCreate = z
  .strictObject({
    name: text(50),
    enterpriseId: Id.optional(),
    channel: Channel.optional(),
  })
  .refine((v) => (v.enterpriseId ? 1 : 0) + (v.channel ? 1 : 0) === 1, {
    message: '请指定企业（enterpriseId）或渠道（channel）之一',
    path: ['enterpriseId'],
  });
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;

/** The response to issuing a key: the only time the plaintext key is shown. */
export const ApiKeyIssued = ApiKey.extend({ key: z.string().describe('shown once; only its SHA-256 is stored') });
