/**
 * The demo service-guide catalogue (办事指南) for enterprises in 株洲高新区: government matters
 * handled at the zone's service hall and the park operator's own one-stop services.
 */
import type { DemoServiceGuide } from './types.js';
import { registrationTaxGuides } from './guides-registration-tax.js';
import { techTalentGuides } from './guides-tech-talent.js';
import { constructionEnvTradeGuides } from './guides-construction-env-trade.js';
import { parkGuides } from './guides-park.js';

export const demoServiceGuides: DemoServiceGuide[] = [
  ...registrationTaxGuides,
  ...techTalentGuides,
  ...constructionEnvTradeGuides,
  ...parkGuides,
];
