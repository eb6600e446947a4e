// Issue 17: the selects of bodies and places in Tasklist's start forms come from the configured bodies, for the user
// who opens the form (Tasklist gives a start form no variables; the server writes the options into the form it
// serves). Checked in Debian's Chromium, in Chinese, as the officers of the pilot's demo see them:
//   - 西峰区运管's officer (bureau1) hands a lead to 庆阳市执法队 or 西峰大队 only (行政处罚法 Arts. 22, 23);
//   - 西峰大队's handler (xfhandler1) picks the place of the act among 庆阳's counties and districts;
//   - 庆阳市执法队's head (cityhead) plans a joint inspection led by one of 庆阳's enforcement bodies.
//
//   node e2e/tasklist-options.mjs [base URL, default http://localhost:8080] [screenshot folder]
import { choose, launchChromium, signIn as tasklistSignIn } from './tasklist-session.mjs';
import { mkdirSync } from 'node:fs';

const BASE = process.argv[2] ?? 'http://localhost:8080';
const SHOTS = process.argv[3] ?? 'target/tasklist-options';
mkdirSync(SHOTS, { recursive: true });

const browser = await launchChromium();
const signIn = (user) => tasklistSignIn(browser, BASE, user);
let step = 0;
const log = (text) => console.log(`${String(++step).padStart(2, '0')} ${text}`);

/** The start form of a process, opened from 发起流程 as an officer does. */
async function startForm(page, processName) {
  await page.getByText('发起流程').click();
  await page.locator('.modal').getByText(processName, { exact: true }).click();
  const form = page.locator('.modal');
  await form.locator('.fjs-form').waitFor();
  return form;
}

/** The options a select offers, read from its open dropdown. */
async function options(form, label) {
  const field = form.locator('.fjs-form-field').filter({
    has: form.page().locator('.fjs-form-field-label', { hasText: label }),
  }).first();
  await field.locator('.fjs-input-group').click();
  const items = form.page().locator('.fjs-dropdownlist-item');
  await items.first().waitFor();
  const offered = (await items.allTextContents()).map((text) => text.trim());
  await field.locator('.fjs-input-group').click();
  return offered;
}

function expectSame(what, offered, expected) {
  const same = offered.length === expected.length && expected.every((name) => offered.includes(name));
  if (!same) throw new Error(`${what} offers ${JSON.stringify(offered)}, not ${JSON.stringify(expected)}`);
}

try {
  {
    const page = await signIn('bureau1');
    const form = await startForm(page, '行业管理案源移交（道路运输管理局）');
    const offered = await options(form, '移交给');
    expectSame('移交给', offered, ['庆阳市交通运输综合行政执法队', '庆阳市交通运输综合行政执法队西峰大队']);
    log(`bureau1（西峰区运管）: 移交给 — ${offered.join('、')}（不含各县执法队）`);
    await page.screenshot({ path: `${SHOTS}/01-bureau1-移交给.png`, fullPage: true });
    await page.context().close();
  }
  {
    const page = await signIn('xfhandler1');
    const form = await startForm(page, '案源登记与立案审批');
    const offered = await options(form, '违法行为发生地');
    for (const place of ['西峰区', '庆城县', '环县', '镇原县']) {
      if (!offered.includes(place)) throw new Error(`违法行为发生地 offers ${JSON.stringify(offered)}, without ${place}`);
    }
    if (offered.some((place) => place.includes('平凉') || place.includes('崆峒'))) {
      throw new Error(`违法行为发生地 offers another city's places: ${JSON.stringify(offered)}`);
    }
    log(`xfhandler1: 违法行为发生地 — ${offered.join('、')}`);
    await page.screenshot({ path: `${SHOTS}/02-xfhandler1-违法行为发生地.png`, fullPage: true });
    await page.context().close();
  }
  {
    const page = await signIn('cityhead');
    const form = await startForm(page, '联合双随机抽查');
    const offered = await options(form, '牵头单位');
    if (!offered.includes('庆阳市交通运输综合行政执法队西峰大队') || offered.some((b) => b.includes('法制科'))) {
      throw new Error(`牵头单位 offers ${JSON.stringify(offered)}`);
    }
    log(`cityhead: 牵头单位 — ${offered.length} 个执法队伍（不含法制科）`);
    await page.screenshot({ path: `${SHOTS}/03-cityhead-牵头单位.png`, fullPage: true });
    await page.context().close();
  }
} finally {
  await browser.close();
}
