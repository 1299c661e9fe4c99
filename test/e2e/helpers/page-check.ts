/**
 * The check every back-office journey makes of a page it reaches: axe finds nothing serious,
 * nothing is wider than the window (tables scroll inside their own box), and a full-page
 * screenshot is kept to look at. When something sticks out, the elements responsible are logged.
 */
import { expect, type Page } from '@playwright/test';
import { seriousA11yProblems } from './a11y';

export async function checkPage(page: Page, name: string, outputPath: (name: string) => string): Promise<void> {
  expect(await seriousA11yProblems(page)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) {
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => !el.closest('.table-responsive') && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 8)
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
    );
    const spill = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')
        .slice(0, 8)
        .map((el) => `${el.tagName}.${el.className} ${el.scrollWidth}/${el.clientWidth}`),
    );
    console.log('WIDE', name, wide, spill);
  }
  expect(overflow, `${name}: page wider than the window`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: outputPath(`${name}.png`), fullPage: true });
}
