/** Serious and critical WCAG 2.2 AA problems axe finds on the page, one line each (empty = none). */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function seriousA11yProblems(page: Page): Promise<string[]> {
  // A colour caught half-way through a transition (a button just clicked, still under the pointer)
  // measures a contrast no reader ever sees: let running transitions end first.
  await page.waitForFunction(
    () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
    null,
    {
      timeout: 5_000,
    },
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
