import type { FormRule } from 'antd';
import { useI18n } from '../app/i18n';

/** Mirrors contracts `Password`: ≥8 chars with letters and digits. */
export function usePasswordRules(): FormRule[] {
  const { t } = useI18n();
  return [
    { required: true, message: t('staff.passwordRule') },
    { min: 8, message: t('staff.passwordRule') },
    { max: 128 },
    { pattern: /^(?=.*[A-Za-z])(?=.*\d).*$/, message: t('staff.passwordRule') },
  ];
}

/** "Confirm password" rule comparing with another field of the same form. */
export function confirmRule(field: string, message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_, v: string | undefined) => (!v || v === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(message))),
  });
}
