import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, normalizeCreditCode } from './credit-code.js';

describe('统一社会信用代码', () => {
  it('accepts the python-stdnum reference example', () => {
    expect(creditCodeProblem('91110000600037341L')).toBeNull();
  });
  it('computes the check character with weights 3^i mod 31', () => {
    expect(creditCodeCheckChar('91110000600037341')).toBe('L');
  });
  it('accepts a letter department code (A/N/Y) that digit-only validators reject', () => {
    const first17 = 'N2430211MA4L00001';
    expect(creditCodeProblem(first17 + creditCodeCheckChar(first17))).toBeNull();
  });
  it('reports length, charset and check digit problems', () => {
    expect(creditCodeProblem('91110000600037341')).toBe('length');
    expect(creditCodeProblem('91110000600037341I')).toBe('charset'); // I is not in the charset
    expect(creditCodeProblem('9111000060003734IL')).toBe('charset');
    expect(creditCodeProblem('91110000600037341M')).toBe('check_digit');
    expect(creditCodeProblem('9A110000600037341L')).toBe('check_digit');
    expect(creditCodeProblem('91A10000600037341L')).toBe('charset'); // positions 3-8 are digits
  });
  it('normalises full-width characters, spaces and case', () => {
    expect(normalizeCreditCode(' ９１１１００００６０００３７３４１ｌ ')).toBe('91110000600037341L');
    expect(normalizeCreditCode('9111 0000 6000 3734 1l')).toBe('91110000600037341L');
  });
});
