// What the Tasklist scripts share: Debian's Chromium, signing in to Tasklist as an officer does, and choosing a
// radio or checkbox in a form-js form that may still be settling.
import { chromium } from 'playwright-core';

/** Debian's Chromium, headless, without the background traffic a test machine cannot reach. */
export function launchChromium(moreArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...moreArgs],
  });
}

/**
 * A new browser context signed in to Tasklist as `user` (password demo), on the page that shows 发起流程.
 * Tasklist's login form can be slow to come, or filled before its scripts bound it, and then the click sends
 * nothing (seen in CI): a person would reload and sign in again, and so does this, up to three times.
 * `options.locale` sets the browser's language; `options.onContext` sees the context before the first page opens.
 */
export async function signIn(browser, base, user, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, timezoneId: 'Asia/Shanghai',
    ...(options.locale ? { locale: options.locale } : {}) });
  context.setDefaultTimeout(120000); // a loaded two-core machine renders Tasklist slowly
  options.onContext?.(context);
  const page = await context.newPage();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${base}/camunda/app/tasklist/`);
      await page.fill('input[placeholder="用户名"]', user);
      await page.fill('input[placeholder="密码"]', 'demo');
      await page.click('button[type=submit]');
      await page.getByText('发起流程').waitFor({ timeout: attempt < 3 ? 45000 : 120000 });
      return page;
    } catch (e) {
      if (attempt >= 3) throw e;
      console.log(`   ${user}: signed in again (attempt ${attempt + 1})`);
    }
  }
}

/**
 * A radio (or checkbox) chosen as a person does: clicked again when the form, still settling after a claim,
 * re-rendered it unchosen (seen in CI: "Clicking the checkbox did not change its state").
 */
export async function choose(input, wanted = true) {
  for (let attempt = 1; ; attempt++) {
    await input.click();
    if ((await input.isChecked()) === wanted) {
      return;
    }
    if (attempt === 5) {
      throw new Error(`not chosen after ${attempt} clicks`);
    }
    await input.page().waitForTimeout(500);
  }
}

/**
 * An option of a form-js select picked as a person does: the dropdown opened, the option clicked, and both done
 * again when the form, still settling after a claim, re-rendered and closed the dropdown before the option came
 * (seen in CI: the click on 调查人员一 opened nothing and the wait for 李明 ran out).
 */
export async function pick(field, value) {
  const page = field.page();
  for (let attempt = 1; ; attempt++) {
    await field.locator('.fjs-input-group').click();
    const item = page.locator('.fjs-dropdownlist-item', { hasText: value }).first();
    try {
      await item.waitFor({ state: 'visible', timeout: 10000 });
      await item.click({ timeout: 10000 });
      // a plain select shows its choice as text, a searchable one in its input
      const group = field.locator('.fjs-input-group');
      const shown = `${await group.textContent()} ${await group.locator('input').first().inputValue({ timeout: 1000 }).catch(() => '')}`;
      if (shown.includes(value)) {
        return;
      }
    } catch (notOffered) {
      if (attempt === 5) {
        throw new Error(`${value} was not offered after ${attempt} tries: ${notOffered.message}`);
      }
    }
    if (attempt === 5) {
      throw new Error(`${value} was not picked after ${attempt} tries`);
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
  }
}
