import { z } from 'zod';
import { Role } from './enums.js';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const Scope = z.object({
  /** 'operator' = everything of the operator; 'parks' = parkIds; 'grid' = own grid for writes; 'enterprise' = own enterprise only */
  kind: z.enum(['operator', 'parks', 'grid', 'department', 'enterprise']),
  parkIds: z.array(z.string()),
  enterpriseId: z.string().nullable(),
  staffId: z.string().nullable(),
  departmentId: z.string().nullable(),
});
export type Scope = z.infer<typeof Scope>;

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  operator: z.object({ id: z.string(), name: z.string() }),
  scope: Scope,
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;
