// Tasklist's start dialog in Debian's Chromium, in Chinese: a start the server refuses shows its message where the
// officer sees it (found in Chromium: the error toast stood behind the 发起流程 dialog, and starting 简易程序 with a
// fine outside the catalogue's range looked like nothing happening).
//   1. 简易程序（当场处罚）started with a fine of 100 yuan for YZ-JSY (range 200–2000): the refusal is shown, naming
//      拟罚款金额 and the range, and it is on top: the point at its middle belongs to the message, not to the dialog.
//   2. The same with 200 yuan starts; the 告知与陈述申辩 task's 复核后罚款金额 is marked required (*), as the server
//      requires it (FormsMarkWhatTheServerRequiresTest).
//
//   node e2e/tasklist-start-refusal.mjs [base URL, default http://localhost:8080] [screenshot folder]
//
// Needs a running Sanlian with the demo users (the default profile) and /usr/bin/chromium.
import { choose, launchChromium, pick, signIn } from './tasklist-session.mjs';
import { mkdirSync } from 'node:fs';

const BASE = process.argv[2] ?? 'http://localhost:8080';
const SHOTS = process.argv[3] ?? 'target/tasklist-start-refusal';
mkdirSync(SHOTS, { recursive: true });

let step = 0;
let failed = 0;
const log = (text) => console.log(`${String(++step).padStart(2, '0')} ${text}`);
const check = (ok, text) => { if (!ok) failed++; console.log(`   ${ok ? 'ok ' : 'NOT'} ${text}`); };
const shot = (page, name) => page.screenshot({ path: `${SHOTS}/${String(step).padStart(2, '0')}-${name}.png` });

/** A resident ID number of Xifeng (621002), born 1990-03-07, with its GB 11643 check character. */
function residentId(sequence) {
  const body = `62100219900307${String(sequence % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
const isoDate = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
const unique = Date.now() % 100000;
const party = `三联启动提示演示${unique}`;

function field(form, label) {
  return form.locator('.fjs-form-field').filter({
    has: form.page().locator('.fjs-form-field-label', { hasText: label }),
  }).first();
}

async function startForm(page) {
  await page.getByText('发起流程').click();
  await page.locator('.modal').getByText('简易程序（当场处罚）', { exact: true }).click();
  const form = page.locator('.modal');
  await form.locator('.fjs-form').waitFor();
  await choose(field(form, '出示执法证件').locator('input[type=checkbox]'));
  await field(form, '当事人姓名或名称').locator('input').fill(party);
  await choose(field(form, '当事人类型').getByRole('radio', { name: '公民', exact: true }));
  await field(form, '身份证件号码').locator('input').fill(residentId(unique));
  const date = field(form, '违法行为发生日期').locator('input').first();
  await date.fill(isoDate);
  await date.press('Enter');
  await field(form, '违法地点').locator('input').fill('西峰区长庆大道');
  await field(form, '违法事实').locator('textarea').fill('现场检查发现驾驶员无从业资格证');
  await field(form, '收集的必要证据').locator('textarea').fill('现场笔录一份，照片三张');
  await pick(field(form, '同行执法人员'), '王芳');
  await pick(field(form, '违法行为（违法行为目录）'), 'YZ-JSY');
  await choose(field(form, '违法事实确凿').locator('input[type=checkbox]'));
  return form;
}

/** Whether the point at the middle of the element is the element's (or inside it): nothing covers it. */
const onTop = (locator) => locator.evaluate((element) => {
  const box = element.getBoundingClientRect();
  const there = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return box.width > 0 && box.height > 0 && (element === there || element.contains(there));
});

const browser = await launchChromium(['--lang=zh-CN']);
try {
  const page = await signIn(browser, BASE, 'xfhandler1', { locale: 'zh-CN' });

  log('简易程序 with 100 yuan for YZ-JSY (the catalogue says 200–2000): the server refuses the start');
  let form = await startForm(page);
  await field(form, '拟罚款金额').locator('input').fill('100');
  await form.getByRole('button', { name: '开始', exact: true }).click();
  const refusal = page.locator('.page-notifications .alert, [notifications-panel] .alert').filter({ hasText: '拟罚款金额' }).first();
  await refusal.waitFor({ timeout: 60000 });
  const text = (await refusal.innerText()).replace(/\s+/g, ' ').trim();
  check(/200.2000/.test(text), `the message names the field and the range: ${text}`);
  check(await page.locator('.modal').isVisible(), 'the dialog is still open, with what was typed');
  check(await onTop(refusal), 'the message is on top of the dialog (the point at its middle is the message\'s)');
  await shot(page, 'start-refused');

  log('the same with 200 yuan: it starts; 告知与陈述申辩 marks 复核后罚款金额 required');
  await page.keyboard.press('Escape');
  await page.reload();
  await page.getByText('发起流程').waitFor();
  form = await startForm(page);
  await field(form, '拟罚款金额').locator('input').fill('200');
  await form.getByRole('button', { name: '开始', exact: true }).click();
  await page.locator('.modal').waitFor({ state: 'detached', timeout: 60000 });
  await page.getByText('本单位待办').click();
  const entry = page.locator('.tasks-list li').filter({ hasText: '告知与陈述申辩' }).filter({ hasText: party }).first();
  await entry.waitFor({ timeout: 120000 });
  await entry.click();
  await page.locator('.task-details').getByText('认领', { exact: true }).click();
  const fine = field(page.locator('.task-details'), '复核后罚款金额');
  await fine.waitFor({ timeout: 120000 });
  const label = (await fine.locator('.fjs-form-field-label').first().innerText()).trim();
  check(label.includes('*'), `复核后罚款金额 is marked required: “${label}”`);
  await fine.scrollIntoViewIfNeeded();
  await shot(page, 'inform-party-required');
} finally {
  await browser.close();
}
if (failed) {
  console.log(`${failed} check(s) failed`);
  process.exit(1);
}
console.log('a refused start shows its message above the dialog');
