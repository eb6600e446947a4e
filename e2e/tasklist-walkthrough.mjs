// A lead taken to an archived case through Camunda Tasklist and its forms only (issue #3), in Debian's Chromium.
// The officers are the demo users: xfhandler1 and xfhandler2 (西峰大队 handlers), xfhead (the head) and
// cityreviewer (法制审核). Every task must show a due date. At the end the domain API is read once, to check
// that the case the forms produced is archived.
//
//   node e2e/tasklist-walkthrough.mjs [base URL, default http://localhost:8080] [screenshot folder]
//
// Needs a running Sanlian with the demo users (the default profile) and /usr/bin/chromium.
import { choose, launchChromium, pick, signIn as tasklistSignIn } from './tasklist-session.mjs';
import { mkdirSync } from 'node:fs';

const BASE = process.argv[2] ?? 'http://localhost:8080';
const SHOTS = process.argv[3] ?? 'target/walkthrough';
mkdirSync(SHOTS, { recursive: true });

const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
// dates typed as Chinese officers write them (2026-12-05); Tasklist reads them whatever the browser's language
const typedDate = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const party = `三联演示运输户${Date.now() % 100000}`;

const browser = await launchChromium();
const signIn = (user) => tasklistSignIn(browser, BASE, user);
let step = 0;
const log = (text) => console.log(`${String(++step).padStart(2, '0')} ${text}`);

/** One form-js field, found by its label, set the way a person would: typing, picking, ticking. */
async function set(form, label, value) {
  const field = form.locator('.fjs-form-field').filter({
    has: form.page().locator('.fjs-form-field-label', { hasText: label }),
  }).first();
  await field.waitFor();
  const kind = await field.getAttribute('class');
  if (kind.includes('fjs-form-field-select')) {
    await pick(field, value);
  } else if (kind.includes('fjs-form-field-radio')) {
    await choose(field.getByRole('radio', { name: value, exact: true }));
  } else if (kind.includes('fjs-form-field-checkbox')) {
    const box = field.locator('input[type=checkbox]');
    if ((await box.isChecked()) !== Boolean(value)) await choose(box, Boolean(value));
  } else if (kind.includes('fjs-form-field-datetime')) {
    const input = field.locator('input').first();
    await input.fill(typedDate(value));
    await input.press('Enter');
  } else {
    await field.locator('input, textarea').first().fill(String(value));
  }
}

async function fill(form, values) {
  for (const [label, value] of values) {
    await set(form, label, value);
  }
}

/** Opens the task from the 本单位待办 filter, checks its due date, claims it, fills the form, completes it. */
async function work(user, taskName, values) {
  const page = await signIn(user);
  await page.getByText('本单位待办').click();
  const entry = page.locator('.tasks-list li').filter({ hasText: taskName }).filter({ hasText: party }).first();
  await entry.waitFor({ timeout: 120000 });
  await entry.click();
  const due = entry.getByText(/到期/).first();
  if (!(await due.isVisible())) {
    throw new Error(`${taskName} shows no due date`);
  }
  const dueText = (await due.textContent()).replace(/\s+/g, ' ').trim();
  const claim = page.locator('.task-details').getByText('认领', { exact: true });
  await claim.waitFor({ timeout: 120000 });
  await claim.click();
  // claimed: the form becomes editable
  await page.locator('.task-details .fjs-form :is(input, textarea):not([disabled]):visible')
    .first().waitFor({ timeout: 120000 });
  const form = page.locator('.task-details');
  await form.locator('.fjs-form').waitFor({ timeout: 120000 });
  await fill(form, values);
  await page.screenshot({ path: `${SHOTS}/${String(step + 1).padStart(2, '0')}-${user}-${taskName}.png`, fullPage: true });
  await page.getByRole('button', { name: '完成', exact: true }).click();
  try {
    await page.locator('.task-details .fjs-form').waitFor({ state: 'detached', timeout: 120000 });
  } catch (notCompleted) {
    await page.screenshot({ path: `${SHOTS}/failed-${user}-${taskName}.png`, fullPage: true });
    throw new Error(`${taskName} was not completed: ${await page.locator('.notifications, .alert').allTextContents()}`);
  }
  log(`${user}: ${taskName} (${dueText}) — 完成`);
  await page.context().close();
}

async function registerLead() {
  const page = await signIn('xfhandler1');
  await page.getByText('发起流程').click();
  await page.locator('.modal').getByText('案源登记与立案审批').click();
  const form = page.locator('.modal');
  await form.locator('.fjs-form').waitFor();
  await fill(form, [
    ['案源来源', '行政检查发现'],
    ['当事人', party],
    ['车牌号', '甘M12345'],
    ['违法行为发生日期', today],
    ['地点', '西峰区长庆大道'],
    ['案源简要情况', '路面检查发现该车未取得道路运输经营许可载客收费'],
  ]);
  await page.screenshot({ path: `${SHOTS}/01-xfhandler1-案源登记.png`, fullPage: true });
  await page.locator('.modal').getByRole('button', { name: '开始' }).click();
  await page.locator('.modal').waitFor({ state: 'detached', timeout: 120000 });
  log(`xfhandler1: 案源登记 — ${party}`);
  await page.context().close();
}

try {
  await registerLead();
  await work('xfhandler1', '案源核查', [['核查情况', '经核查，车辆确有载客收费行为，乘客证言与付款记录一致']]);
  await work('xfhead', '立案审批', [['审批意见', '立案']]);
  await work('xfhandler1', '调查取证', [
    ['调查人员一', '李明'], ['调查人员二', '王芳'],
    ['询问笔录、现场笔录及证据情况摘要', '询问当事人及乘客各一次，制作现场笔录，拍摄车辆及付款截图'],
  ]);
  await work('xfhandler1', '案件调查报告', [
    ['违法事实', '当事人未取得道路运输经营许可，驾驶车辆从事道路客运经营'],
    ['违反条款与处罚依据', '《道路运输条例》第十条、第六十三条'],
    // a company: 20,000 yuan needs 法制审核 (≥ 10,000) but gives no hearing right (组织 below 100,000, hearingRight.dmn)
    ['当事人类型', '法人或其他组织'],
    ['拟处理意见', '拟给予行政处罚'],
    ['违法行为（违法行为目录）', 'YZ-KY-WZ'],
    ['拟罚款金额（元）', 20000],
  ]);
  await work('cityreviewer', '法制审核', [['审核意见', '同意']]);
  // served with its 送达回证 (行政处罚法 Art. 61); the party states its case at once and has no hearing right, so the
  // head may decide without waiting for the periods to end (Arts. 62, 64(1))
  await work('xfhandler1', '违法行为通知书', [['送达方式', '直接送达'], ['通知书送达日期', today], ['受送达人', party],
    ['签收情况（送达回证）', '受送达人签收']]);
  await work('xfhandler1', '陈述申辩与复核', [['当事人提出了陈述、申辩', true], ['陈述、申辩内容', '当事人称系初次载客'],
    ['复核意见', '陈述理由不能成立，维持拟处罚意见'], ['复核后罚款金额（元）', 20000]]);
  await work('xfhead', '处罚决定审批', [['负责人意见', '同意']]);
  await work('xfhandler2', '送达决定书', [['送达方式', '直接送达'], ['送达日期', today], ['受送达人', party], ['签收情况', '受送达人签收']]);
  await work('xfhandler2', '缴纳罚款', [['缴款情况', '已缴纳'], ['缴款日期', today], ['实缴金额', 20000]]);
  await work('xfhandler2', '结案报告', [['结案报告', '罚款已全额缴纳，处罚决定执行完毕']]);
  await work('xfhead', '结案审批', [['负责人意见', '同意结案']]);

  const response = await fetch(`${BASE}/api/cases`, {
    headers: { Authorization: `Basic ${Buffer.from('xfhead:demo').toString('base64')}` },
  });
  const cases = await response.json();
  const mine = cases.find((c) => c.partyName === party);
  if (!mine || mine.status !== 'ARCHIVED') {
    throw new Error(`the case of ${party} is not archived: ${JSON.stringify(mine)}`);
  }
  log(`案件 ${mine.caseNumber}: ${mine.status}`);
} finally {
  await browser.close();
}
