// 案件监督 in Cockpit, in Debian's Chromium (issue #14, "Supervisor in Chromium").
// A 庆城县 case is filed through /engine-rest as qchandler1 (赵磊) and qchead (陈志强). The app under test runs
// with sanlian.deadlines.decision=P-3D (see .ci/run): the 90-day limit of 行政处罚法 Art. 60 then
// ends three days before filing, so its timer fires as soon as the job executor sees it, exactly as the
// real timer fires 90 days later. The script waits for that (the 超期督办 task appears), then signs in to Cockpit
// as citysupervisor (杨帆), opens the plugin, finds the case with its body, deadline and days overdue, and
// opens its timeline: officers by name, steps in Chinese.
//
//   node e2e/supervisor-cockpit.mjs [base URL, default http://localhost:8080] [screenshot folder]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const BASE = process.argv[2] ?? 'http://localhost:8080';
const SHOTS = process.argv[3] ?? 'target/supervisor';
mkdirSync(SHOTS, { recursive: true });
const party = `庆城监督演示运输户${Date.now() % 100000}`;
const started = Date.now();
let step = 0;
const log = (text) => console.log(`${String(++step).padStart(2, '0')} ${text} (${Math.round((Date.now() - started) / 1000)} s)`);

async function rest(user, method, path, body) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} as ${user}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

const variables = (values) => ({ variables: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) });

async function until(what, probe) {
  for (let i = 0; i < 120; i++) {
    const found = await probe();
    if (found) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function completeTask(user, processInstanceId, key, values) {
  const task = await until(`${key}`, async () => (await rest(user, 'GET',
    `/engine-rest/task?processInstanceId=${processInstanceId}&taskDefinitionKey=${key}`))[0]);
  await rest(user, 'POST', `/engine-rest/task/${task.id}/submit-form`, variables(values));
  log(`${user}: ${task.name} — 完成`);
}

// 1. a 庆城县 lead, verified and filed
const lead = await rest('qchandler1', 'POST', '/engine-rest/process-definition/key/leadIntake/submit-form', variables({
  source: 'INSPECTION', partyName: party, plateNumber: '甘M5' + String(Date.now() % 10000).padStart(4, '0'),
  summary: '庆城县路面检查发现该车未取得道路运输经营许可载客收费', occurredOn: new Date().toISOString().slice(0, 10),
}));
log(`qchandler1: 案源登记 — ${party}`);
await completeTask('qchandler1', lead.id, 'verifyLead', { verificationFindings: '经核查，车辆确有载客收费行为' });
await completeTask('qchead', lead.id, 'decideFiling', { filingDecision: 'file' });
const filed = await until('the filed case', async () => (await rest('qchead', 'GET', '/api/cases')).find((c) => c.partyName === party));
const caseNumber = filed.caseNumber;
log(`立案 ${caseNumber}（${filed.organisationCode}）`);

// 2. the 90-day limit's timer fires: the case goes to the city legal supervisor for 超期督办
await until('the decision-limit timer', async () => (await rest('citysupervisor', 'GET',
  `/engine-rest/task?taskDefinitionKey=superviseOverdueCase&processVariables=${encodeURIComponent(`caseNumber_eq_${caseNumber}`)}`)).length > 0);
log('办案期限届满：超期督办任务已到法制监督');

// 3. Cockpit, as citysupervisor
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1100 }, timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(90000);
  const page = await context.newPage();
  await page.goto(`${BASE}/camunda/app/cockpit/`);
  await page.fill('input[placeholder="用户名"]', 'citysupervisor');
  await page.fill('input[placeholder="密码"]', 'demo');
  await page.click('button[type=submit]');
  const nav = page.locator('a.sl-nav', { hasText: '案件监督' });
  await nav.waitFor();
  log('citysupervisor: 登录流程监控（Cockpit）');
  await nav.click();
  const filters = page.locator('.sl-sup form.sl-filters').first();
  await filters.waitFor();
  await filters.locator('select[name=organisation]').selectOption('qingcheng');
  await filters.locator('select[name=kind]').selectOption('DECISION_LIMIT');
  await filters.getByRole('button', { name: '查询' }).click();
  const row = page.locator(`.sl-list tr.sl-row[data-reference="${caseNumber}"]`);
  await row.waitFor();
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  for (const expected of ['庆城县交通运输综合行政执法队', '办案期限', '第六十条', '逾期 3 天', '已超期', party]) {
    if (!text.includes(expected)) {
      throw new Error(`the row of ${caseNumber} lacks "${expected}": ${text}`);
    }
  }
  await page.screenshot({ path: `${SHOTS}/01-案件监督-期限.png`, fullPage: true });
  log(`案件监督：${text}`);

  await row.click();
  const timeline = page.locator('.sl-panel table.sl-timeline');
  await timeline.waitFor();
  const who = await timeline.locator('td.sl-who').allInnerTexts();
  const steps = await timeline.locator('td.sl-step').allInnerTexts();
  for (const name of ['赵磊', '陈志强']) {
    if (!who.includes(name)) {
      throw new Error(`the timeline names ${JSON.stringify(who)}, not ${name}`);
    }
  }
  for (const name of ['案源登记', '案源核查', '立案审批：立案']) {
    if (!steps.includes(name)) {
      throw new Error(`the timeline's steps are ${JSON.stringify(steps)}, without ${name}`);
    }
  }
  if (who.some((w) => /^(qc|city)[a-z]*\d*$/.test(w)) || steps.some((s) => /^[a-z][A-Za-z]+$/.test(s))) {
    throw new Error(`usernames or step ids in the timeline: ${JSON.stringify({ who, steps })}`);
  }
  await page.locator('.sl-panel').screenshot({ path: `${SHOTS}/02-案件监督-全过程记录.png` });
  log(`全过程记录：${steps.map((s, i) => `${who[i]} ${s}`).join('；')}`);

  await page.locator('.sl-tabs button', { hasText: '执法统计' }).click();
  await page.locator('.sl-chart canvas').first().waitFor();
  await page.screenshot({ path: `${SHOTS}/03-执法统计.png`, fullPage: true });
  // the CSV export, as the link downloads it with the Cockpit session: UTF-8 with a BOM, the case's body in it
  const csv = await page.evaluate(async (href) => {
    const bytes = new Uint8Array(await (await fetch(href)).arrayBuffer());
    return { bom: [...bytes.slice(0, 3)], text: new TextDecoder().decode(bytes.slice(3)) };
  }, await page.locator('a.sl-csv').first().getAttribute('href'));
  if (csv.bom.join(',') !== '239,187,191' || !csv.text.includes('庆城县交通运输综合行政执法队')) {
    throw new Error(`the CSV export is not UTF-8 with BOM naming 庆城县: ${JSON.stringify(csv).slice(0, 300)}`);
  }
  log(`执法统计：图表已显示；CSV ${csv.text.split('\n')[1]}`);
} finally {
  await browser.close();
}
