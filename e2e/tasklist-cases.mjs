// Issue 13 in Debian's Chromium: a 西峰 handler works in Tasklist with one sign-on.
//   1. 调查取证: the two investigators are picked by name (李明, 王芳) from the body's certified officers.
//   2. The evidence link opens the evidence page in a new tab, in Tasklist's session (no second login, no hanging at
//      加载中…); back in Tasklist the typed, unsaved form is still there, and is completed.
//   3. 本单位案件 in Tasklist's header opens the case list; the case is found by its plate.
//   4. Body scoping, through the API: a 庆城县 handler finds none of it.
//
//   node e2e/tasklist-cases.mjs [base URL, default http://localhost:8080] [screenshot folder]
//
// Needs a running Sanlian with the demo users (the default profile) and /usr/bin/chromium.
import { choose, launchChromium, pick, signIn as tasklistSignIn } from './tasklist-session.mjs';
import { mkdirSync } from 'node:fs';

const BASE = process.argv[2] ?? 'http://localhost:8080';
const SHOTS = process.argv[3] ?? 'target/tasklist-cases';
mkdirSync(SHOTS, { recursive: true });

const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
// typed as 2026-12-05, a form the date picker reads (12/05/2026 is refused as ambiguous, issue 13)
const isoDate = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const unique = Date.now() % 100000;
const party = `三联案件清单演示户${unique}`;
const plate = `甘M${String(unique).padStart(5, '0')}`;
let leadNumber = null;
const findings = '询问当事人一次，制作现场笔录，拍摄车辆照片（尚未保存的填写）';

const browser = await launchChromium();
let step = 0;
const log = (text) => console.log(`${String(++step).padStart(2, '0')} ${text}`);
const shot = (page, name) => page.screenshot({ path: `${SHOTS}/${String(step + 1).padStart(2, '0')}-${name}.png`, fullPage: true });

// a browser asking for HTTP Basic credentials would be the second login this run must never see
const signIn = (user) => tasklistSignIn(browser, BASE, user, {
  onContext: (context) => context.on('page', (page) => page.on('response', (response) => {
    if (response.status() === 401 && response.headers()['www-authenticate']) {
      throw new Error(`second login asked by ${response.url()}`);
    }
  })),
});

function field(form, label) {
  return form.locator('.fjs-form-field').filter({
    has: form.page().locator('.fjs-form-field-label', { hasText: label }),
  }).first();
}

async function set(form, label, value) {
  const input = field(form, label);
  await input.waitFor();
  const kind = await input.getAttribute('class');
  if (kind.includes('fjs-form-field-select')) {
    await pick(input, value);
  } else if (kind.includes('fjs-form-field-radio')) {
    await choose(input.getByRole('radio', { name: value, exact: true }));
  } else if (kind.includes('fjs-form-field-datetime')) {
    const date = input.locator('input').first();
    await date.fill(isoDate(value));
    await date.press('Enter');
  } else {
    await input.locator('input, textarea').first().fill(String(value));
  }
}

async function openTask(page, taskName) {
  await page.getByText('本单位待办').click();
  const entry = page.locator('.tasks-list li').filter({ hasText: taskName }).filter({ hasText: party }).first();
  await entry.waitFor({ timeout: 120000 });
  await entry.click();
  const claim = page.locator('.task-details').getByText('认领', { exact: true });
  await claim.waitFor({ timeout: 120000 });
  await claim.click();
  await page.locator('.task-details .fjs-form :is(input, textarea):not([disabled]):visible')
    .first().waitFor({ timeout: 120000 });
  return page.locator('.task-details');
}

async function complete(page, taskName) {
  await page.getByRole('button', { name: '完成', exact: true }).click();
  try {
    await page.locator('.task-details .fjs-form').waitFor({ state: 'detached', timeout: 120000 });
  } catch (notCompleted) {
    await shot(page, `failed-${taskName}`);
    throw new Error(`${taskName} was not completed: ${await page.locator('.notifications, .alert').allTextContents()}`);
  }
}

async function work(user, taskName, values) {
  const page = await signIn(user);
  const form = await openTask(page, taskName);
  for (const [label, value] of values) await set(form, label, value);
  await complete(page, taskName);
  log(`${user}: ${taskName} — 完成`);
  await page.context().close();
}

async function api(user, path) {
  const response = await fetch(`${BASE}${path}`, {
    headers: { Authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}` },
  });
  if (!response.ok) throw new Error(`${path} as ${user}: HTTP ${response.status}`);
  return response.json();
}

try {
  // a lead with a plate, filed as a case of 西峰大队
  {
    const page = await signIn('xfhandler1');
    await page.getByText('发起流程').click();
    await page.locator('.modal').getByText('案源登记与立案审批').click();
    const form = page.locator('.modal');
    await form.locator('.fjs-form').waitFor();
    for (const [label, value] of [['案源来源', '行政检查发现'], ['当事人', party], ['车牌号', plate],
      ['违法行为发生日期', today], ['地点', '西峰区长庆大道'], ['案源简要情况', '路面检查发现该车未取得道路运输经营许可载客收费']]) {
      await set(form, label, value);
    }
    await page.locator('.modal').getByRole('button', { name: '开始' }).click();
    await page.locator('.modal').waitFor({ state: 'detached', timeout: 120000 });
    // the start names the new 案源编号
    const notice = page.locator('#sanlian-started');
    await notice.waitFor({ timeout: 60000 });
    leadNumber = (await page.locator('#sanlian-started-number').textContent()).trim();
    if (!(await notice.textContent()).includes('案源编号') || !leadNumber) throw new Error('no 案源编号 after the start');
    await shot(page, 'xfhandler1-案源登记-案源编号');
    log(`xfhandler1: 案源登记 — ${party}，${plate}：案源编号 ${leadNumber}`);
    await page.context().close();
  }
  await work('xfhandler1', '案源核查', [['核查情况', '经核查，车辆确有载客收费行为']]);
  await work('xfhead', '立案审批', [['审批意见', '立案']]);

  // 调查取证: investigators by name; the evidence page in a new tab; the unsaved form survives
  const page = await signIn('xfhandler1');
  const form = await openTask(page, '调查取证');
  await set(form, '询问笔录、现场笔录及证据情况摘要', findings);
  await set(form, '调查人员一', '李明');
  await set(form, '调查人员二', '王芳');
  const offered = await field(form, '调查人员一').locator('.fjs-input-group').textContent();
  if (!offered.includes('李明') || !offered.includes('执法证号')) {
    throw new Error(`调查人员一 shows "${offered}", not the officer's name and certificate number`);
  }
  log(`xfhandler1: 调查取证 — 调查人员一 ${offered.trim()}，调查人员二 王芳（从本单位持证执法人员中选择）`);
  await shot(page, 'xfhandler1-调查取证-按姓名选择调查人员');

  const tasklistUrl = page.url();
  const [evidence] = await Promise.all([
    page.context().waitForEvent('page'),
    form.getByRole('link', { name: /证据材料/ }).first().click(),
  ]);
  await evidence.waitForLoadState();
  await evidence.getByText(/尚无证据|字节/).first().waitFor({ timeout: 60000 });
  if (await evidence.getByText('加载中…').count() > 0 || await evidence.locator('#sanlian-sign-in').count() > 0) {
    throw new Error('the evidence page did not load in Tasklist\'s session');
  }
  await evidence.locator('#title').fill('现场照片');
  await evidence.locator('#file').setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('scene photo') });
  await evidence.getByRole('button', { name: '上传' }).click();
  try {
    await evidence.getByText('scene.jpg').waitFor({ timeout: 60000 });
  } catch (notUploaded) {
    throw new Error(`the upload failed: ${await evidence.locator('#error').textContent()}`);
  }
  const uploader = await evidence.locator('#items tr').first().locator('td').nth(5).textContent();
  if (uploader.trim() !== '李明') throw new Error(`the evidence list names the uploader "${uploader}", not 李明`);
  log(`证据材料页在新标签页打开，沿用任务列表的登录（无二次登录），上传人显示为 ${uploader.trim()}`);
  await evidence.screenshot({ path: `${SHOTS}/${String(step + 1).padStart(2, '0')}-证据材料-同一登录.png`, fullPage: true });
  await evidence.close();

  await page.bringToFront();
  if (page.url() !== tasklistUrl) throw new Error(`Tasklist left the task: ${page.url()}`);
  const kept = await field(form, '询问笔录、现场笔录及证据情况摘要').locator('textarea').inputValue();
  const keptInvestigator = await field(form, '调查人员二').locator('.fjs-input-group').textContent();
  if (kept !== findings || !keptInvestigator.includes('王芳')) {
    throw new Error(`the unsaved form was lost: "${kept}", "${keptInvestigator}"`);
  }
  log('回到任务列表：未保存的填写仍在');
  await shot(page, 'xfhandler1-调查取证-表单仍在');
  await complete(page, '调查取证');
  log('xfhandler1: 调查取证 — 完成');

  // 本单位案件 from Tasklist's header: found by plate
  const [cases] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator('#sanlian-case-list').click(),
  ]);
  await cases.waitForLoadState();
  await cases.locator('#q').fill(plate);
  await cases.getByRole('button', { name: '查找' }).click();
  const row = cases.locator('#cases tr').filter({ hasText: party });
  await row.waitFor({ timeout: 60000 });
  const rowText = (await row.textContent()).replace(/\s+/g, ' ');
  if (!rowText.includes(plate) || !rowText.includes('李明')) throw new Error(`the case list row reads "${rowText}"`);
  // the page first lists every case of the body (this one too), then the search's answer replaces the list: wait for it
  try {
    await cases.waitForFunction(() => document.querySelectorAll('#cases tr').length === 1, null, { timeout: 30000 });
  } catch (stillMore) {
    throw new Error(`the plate search found ${await cases.locator('#cases tr').count()} rows, not just this case`);
  }
  log(`本单位案件：按车牌号 ${plate} 找到 ${rowText.trim().slice(0, 80)}…`);
  await cases.screenshot({ path: `${SHOTS}/${String(step + 1).padStart(2, '0')}-本单位案件-按车牌号查找.png`, fullPage: true });
  await page.context().close();

  // body scoping through the API: the case is 西峰's; 庆城县's handler finds none of it
  const own = await api('xfhandler1', `/api/case-list?q=${encodeURIComponent(plate)}`);
  const other = await api('qchandler1', `/api/case-list?q=${encodeURIComponent(plate)}`);
  const otherAll = await api('qchandler1', '/api/case-list');
  if (own.length !== 1 || other.length !== 0 || otherAll.some((c) => c.organisationCode !== 'qingcheng')) {
    throw new Error(`body scoping broken: 西峰 ${own.length}, 庆城 by plate ${other.length}`);
  }
  log(`本单位范围：西峰大队查到 ${own.length} 件，庆城县执法队查到 0 件`);
} finally {
  await browser.close();
}
