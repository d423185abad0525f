/**
 * The demo policy library (惠企政策库) for 湖南高科园创 / 株洲高新区, across the five levels:
 * national, Hunan provincial, 株洲市, 株洲高新区 and the park operator itself.
 */
import type { DemoPolicy } from './types.js';
import { nationalPolicies } from './policies-national.js';
import { provincialPolicies } from './policies-provincial.js';
import { cityPolicies } from './policies-city.js';
import { zonePolicies } from './policies-zone.js';
import { operatorPolicies } from './policies-operator.js';

export const demoPolicies: DemoPolicy[] = [
  ...nationalPolicies,
  ...provincialPolicies,
  ...cityPolicies,
  ...zonePolicies,
  ...operatorPolicies,
];
