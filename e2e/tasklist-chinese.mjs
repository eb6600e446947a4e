// Issue 13 in Debian's Chromium: Tasklist speaks Chinese to a Chinese handler.
//   1. The start form (案源登记与立案审批) and three task forms (案源核查, 立案审批, 案件调查报告) show no Latin-letter
//      UI string other than codes and numbers (no "Select", "Search", "Field is required.", "mm/dd/yyyy", "domain.md").
//   2. The date picker is Chinese; 2026年12月5日 typed is read as 2026-12-05, and 12/05/2026 is refused in words
//      instead of becoming another day.
//   3. A fine above the catalogue's maximum (LZ-CX, at most 30000 yuan) is refused with the Chinese sentence naming
//      拟罚款金额（元）, without "ENGINE-" or "Exception"; what was typed is still in the form. Before submit, the
//      form shows the chosen violation's statutory fine range from the catalogue.
//   4. Each task in the list shows its due date as a date and the working days left.
// Steps between the checked forms are done through /engine-rest (HTTP Basic) as the same officers.
//
//   node e2e/tasklist-chinese.mjs [base URL, default http://localhost:8080] [screenshot folder]
//
// Needs a running Sanlian with the demo users (the default profile) and /usr/bin/chromium.
import { choose, launchChromium, pick, signIn as tasklistSignIn } from './tasklist-session.mjs';
import { mkdirSync } from 'node:fs';

const BASE = process.argv[2] ?? 'http://localhost:8080';
const SHOTS = process.argv[3] ?? 'target/tasklist-chinese';
mkdirSync(SHOTS, { recursive: true });

const party = `三联中文界面当事人${Date.now() % 100000}`;
// a plate of its own: the lead pool takes one lead per vehicle and day, and the walkthrough registers 甘M12345
const plate = `甘M${String(Date.now() % 100000).padStart(5, '0')}`;
const problems = [];
let step = 0;
const log = (text) => console.log(`${String(++step).padStart(2, '0')} ${text}`);
const fail = (text) => {
  problems.push(text);
  console.log(`   FAIL ${text}`);
};

const browser = await launchChromium(['--lang=en-US']);
const signIn = (user) => tasklistSignIn(browser, BASE, user, { locale: 'en-US' });

// ---- the engine's REST API as an officer, for the steps between the checked forms ----

async function rest(user, method, path, body) {
  const response = await fetch(`${BASE}/engine-rest${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} as ${user}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

async function taskOf(user, key) {
  for (let i = 0; i < 60; i++) {
    const tasks = await rest(user, 'GET', `/task?taskDefinitionKey=${key}&processVariables=${encodeURIComponent(`partyName_eq_${party}`)}`);
    if (tasks.length) {
      return tasks[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no ${key} task of ${party}`);
}

async function completeByRest(user, key, values) {
  const task = await taskOf(user, key);
  if (!task.assignee) {
    await rest(user, 'POST', `/task/${task.id}/claim`, { userId: user });
  }
  const variables = Object.fromEntries(Object.entries(values).map(([name, value]) =>
    [name, { value, type: typeof value === 'number' ? 'Long' : 'String' }]));
  await rest(user, 'POST', `/task/${task.id}/submit-form`, { variables });
  log(`${user}: ${task.name} completed through /engine-rest`);
}

// ---- Tasklist in Chromium ----

/**
 * Latin-letter words a Chinese user would read in the visible text, placeholders and titles under `selector`.
 * Codes and numbers are fine: a word is English when it has two lower-case letters in a row and no digit
 * (YZ-KY-WZ, 甘M12345, 18 位, X are codes; Select, mm/dd/yyyy, domain.md are not).
 */
async function englishIn(page, selector) {
  const text = await page.evaluate((scope) => {
    const parts = [];
    for (const root of document.querySelectorAll(scope)) {
      parts.push(root.innerText);
      root.querySelectorAll('[placeholder], [title]').forEach((element) => {
        if (element.offsetParent !== null) {
          parts.push(element.getAttribute('placeholder') ?? '', element.getAttribute('title') ?? '');
        }
      });
    }
    return parts.join('\n');
  }, selector);
  return [...new Set((text.match(/[A-Za-z0-9][A-Za-z0-9_.\/:-]*/g) ?? [])
    .filter((word) => /[a-z]{2}/.test(word) && !/\d/.test(word)))];
}

async function expectChinese(page, selector, what) {
  const english = await englishIn(page, selector);
  if (english.length) {
    fail(`${what}: Latin-letter UI text ${JSON.stringify(english)}`);
  } else {
    log(`${what}: no Latin-letter UI text`);
  }
}

function field(scope, label) {
  return scope.locator('.fjs-form-field').filter({
    has: scope.page().locator('.fjs-form-field-label', { hasText: label }),
  }).first();
}

async function openTask(user, key) {
  const task = await taskOf(user, key);
  const page = await signIn(user);
  await page.goto(`${BASE}/camunda/app/tasklist/default/#/?task=${task.id}`);
  const details = page.locator('.task-details');
  await details.locator('.fjs-form').waitFor();
  await details.locator('.fjs-form-field').first().waitFor();
  return { page, details, task };
}

async function claim(page) {
  const button = page.locator('.task-details').getByText('认领', { exact: true });
  await button.click();
  await page.locator('.task-details .fjs-form :is(input, textarea):not([disabled]):visible').first().waitFor();
  // Tasklist draws the form again once the claim is through; wait until that has happened
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
}

try {
  // 1. the start form, with its date field
  const page = await signIn('xfhandler1');
  await page.getByText('发起流程').click();
  await page.locator('.modal').getByText('案源登记与立案审批').click();
  const modal = page.locator('.modal');
  await modal.locator('.fjs-form-field').first().waitFor();
  // a required field left empty and a plate that does not match: form-js's own messages show
  await field(modal, '当事人').locator('input').fill('x');
  await field(modal, '当事人').locator('input').fill('');
  await field(modal, '车牌号').locator('input').fill('ABC');
  await field(modal, '车牌号').locator('input').press('Tab');
  await modal.locator('.fjs-form-field-error').first().waitFor();
  const errors = (await modal.locator('.fjs-form-field-error').allTextContents()).join(' ');
  if (!errors.includes('此项为必填项') || !errors.includes('车牌号码格式不正确')) {
    fail(`start form: the form's own messages are not in Chinese words: ${errors}`);
  } else {
    log(`start form: form-js messages in Chinese — ${errors.replace(/\s+/g, ' ').trim()}`);
  }
  // the date picker: Chinese calendar; typed dates read the Chinese ways, an ambiguous one refused in words
  const date = modal.locator('.fjs-form-field-datetime input').first();
  await date.click();
  const calendar = page.locator('.flatpickr-calendar.open');
  await calendar.waitFor();
  const calendarText = await calendar.innerText();
  if (!/[一二三四五六日]/.test(calendarText) || /\b(Mon|Tue|Sun|January|December)\b/.test(calendarText)) {
    fail(`date picker is not Chinese: ${calendarText.slice(0, 120)}`);
  } else {
    log('date picker: Chinese months and weekdays');
  }
  await page.screenshot({ path: `${SHOTS}/01-start-form-date-picker.png`, fullPage: true });
  await date.fill('12/05/2026');
  await date.press('Enter');
  await modal.locator('.sanlian-date-error').waitFor();
  log(`typed 12/05/2026: ${(await modal.locator('.sanlian-date-error').innerText()).trim()}`);
  if ((await date.inputValue()) && (await date.inputValue()) !== '12/05/2026') {
    fail(`12/05/2026 became another date: ${await date.inputValue()}`);
  }
  await date.fill('2026年12月5日');
  await date.press('Enter');
  if ((await date.inputValue()) !== '2026-12-05') {
    fail(`2026年12月5日 was read as "${await date.inputValue()}", not 2026-12-05`);
  } else {
    log('typed 2026年12月5日: read as 2026-12-05');
  }
  await field(modal, '当事人').locator('input').fill(party);
  await field(modal, '车牌号').locator('input').fill(plate);
  await field(modal, '案源简要情况').locator('textarea').fill('路面检查发现该车未取得道路运输经营许可载客收费');
  await pick(field(modal, '案源来源'), '行政检查');
  await expectChinese(page, '.modal .modal-body', 'start form 案源登记与立案审批');
  await page.screenshot({ path: `${SHOTS}/02-start-form.png`, fullPage: true });
  await modal.getByRole('button', { name: '开始' }).click();
  await modal.waitFor({ state: 'detached' });
  log(`xfhandler1: 案源登记 — ${party}`);
  await page.context().close();

  // 2. 案源核查 and 立案审批: the forms as their officers see them
  for (const [user, key, name, values] of [
    ['xfhandler1', 'verifyLead', '案源核查', { verificationFindings: '经核查，车辆确有载客收费行为' }],
    ['xfhead', 'decideFiling', '立案审批', { filingDecision: 'file' }],
  ]) {
    const opened = await openTask(user, key);
    const dueLine = opened.page.locator('.sanlian-due').first();
    try {
      await dueLine.waitFor({ timeout: 30000 });
      log(`${name}: due ${(await dueLine.innerText()).trim()}`);
    } catch (none) {
      fail(`${name}: no due date shown as a date`);
    }
    await expectChinese(opened.page, '.task-details', `task form ${name}`);
    await opened.page.screenshot({ path: `${SHOTS}/03-${key}.png`, fullPage: true });
    await opened.page.context().close();
    await completeByRest(user, key, values);
  }
  await completeByRest('xfhandler1', 'investigate', {
    investigator1: 'xfhandler1', investigator2: 'xfhandler2', investigationFindings: '询问当事人，制作询问笔录',
  });

  // 3. 案件调查报告: a fine above the catalogue's maximum, refused in plain Chinese; the input stays
  const report = await openTask('xfhandler1', 'investigationReport');
  await claim(report.page);
  const form = report.details;
  await field(form, '违法事实').locator('textarea').fill('当事人车辆超限行驶公路');
  await field(form, '违反条款与处罚依据').locator('input').fill('《公路安全保护条例》第六十四条');
  await choose(field(form, '当事人类型').getByRole('radio', { name: '公民', exact: true }));
  await choose(field(form, '拟处理意见').getByRole('radio', { name: '拟给予行政处罚', exact: true }));
  await pick(field(form, '违法行为（违法行为目录）'), 'LZ-CX');
  await field(form, '拟罚款金额（元）').locator('input').fill('50000');
  // a rule the form can know is said before submit: the chosen violation's statutory range from the catalogue
  const offered = await rest('xfhandler1', 'GET',
    `/task/${report.task.id}/form-variables?variableNames=fineRangeByCode&deserializeValues=false`);
  const expectedRange = JSON.parse(offered.fineRangeByCode.value)['LZ-CX'];
  const rangeText = form.locator('.fjs-form-field-text', { hasText: '法定罚款幅度（违法行为目录）' }).first();
  try {
    await rangeText.waitFor({ timeout: 10000 });
    const said = (await rangeText.innerText()).replace(/\s+/g, ' ').trim();
    if (!expectedRange || !said.includes(expectedRange)) {
      fail(`before submit: the range shown is not the catalogue's ${expectedRange}: ${said}`);
    } else {
      log(`before submit: ${said}`);
    }
  } catch (none) {
    fail('before submit: the form does not show the chosen violation\'s fine range');
  }
  await report.page.screenshot({ path: `${SHOTS}/04a-fine-range-before-submit.png`, fullPage: true });
  await expectChinese(report.page, '.task-details', 'task form 案件调查报告');
  await report.page.getByRole('button', { name: '完成', exact: true }).click();
  const alert = report.page.locator('.notifications .alert, .page-notifications .alert').filter({ hasText: /罚款/ }).first();
  await alert.waitFor();
  const shown = (await alert.innerText()).replace(/\s+/g, ' ').trim();
  await report.page.screenshot({ path: `${SHOTS}/04-fine-outside-the-range.png`, fullPage: true });
  if (!shown.includes('拟罚款金额（元）') || !shown.includes('超出法定幅度')) {
    fail(`refused fine: the message does not name 拟罚款金额（元） and the range: ${shown}`);
  }
  if (/ENGINE-|Exception|proposedFine/.test(shown)) {
    fail(`refused fine: engine text in the message: ${shown}`);
  }
  log(`refused fine: ${shown}`);
  const kept = await field(form, '违法事实').locator('textarea').inputValue();
  const keptFine = await field(form, '拟罚款金额（元）').locator('input').inputValue();
  if (kept !== '当事人车辆超限行驶公路' || keptFine !== '50000') {
    fail(`the input did not survive the refused submit: "${kept}", "${keptFine}"`);
  } else {
    log('the typed input is still in the form after the refusal');
  }
  await report.page.context().close();
} finally {
  await browser.close();
}

console.log(`${problems.length ? 0 : 1} passed, ${problems.length ? 1 : 0} failed`);
if (problems.length) {
  for (const problem of problems) {
    console.log(`  - ${problem}`);
  }
  process.exit(1);
}
