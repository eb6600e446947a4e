// The analysts' workbench in Cockpit (issue 14 ⑥), in Debian's Chromium: the analyst test-evaluates the rule table
// `discretion` with the form of its inputs and sees the result; then one changed table is deployed the way docs/analysts.md
// says (deploy-changed-only) and only that table gets a new version — checked through /engine-rest — and the
// workbench compares the two versions side by side.
//
//   node e2e/analyst-workbench.mjs [base URL, default http://localhost:8080] [screenshot folder]
//
// Needs a running Sanlian with the demo users (the default profile), the repository's bpmn/ and forms/ (the files
// the app deployed at start), and /usr/bin/chromium.
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BASE = process.argv[2] ?? 'http://localhost:8080';
const SHOTS = process.argv[3] ?? 'target/analyst-workbench';
const ROOT = new URL('..', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

let step = 0;
const log = (text) => console.log(`${String(++step).padStart(2, '0')} ${text}`);
const fail = (text) => { throw new Error(text); };
const BASIC = 'Basic ' + Buffer.from('analyst:demo').toString('base64');

async function rest(path, init = {}) {
  const response = await fetch(`${BASE}/engine-rest${path}`, { ...init, headers: { Authorization: BASIC, ...(init.headers ?? {}) } });
  const body = await response.text();
  if (!response.ok) fail(`${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${body}`);
  return body ? JSON.parse(body) : null;
}

/** key → latest version, for processes and tables. */
async function latestVersions() {
  const versions = {};
  for (const d of await rest('/process-definition?latestVersion=true')) versions[`process:${d.key}`] = d.version;
  for (const d of await rest('/decision-definition?latestVersion=true')) versions[`decision:${d.key}`] = d.version;
  return versions;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1100 }, timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(90000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`   (page error: ${error.message})`));

  await page.goto(`${BASE}/camunda/app/cockpit/`);
  // a loaded machine can time out Cockpit's own module loading on the first visit: one reload then
  if (!await page.locator('input[placeholder="用户名"]').waitFor({ timeout: 45000 }).then(() => true, () => false)) {
    await page.reload();
  }
  await page.fill('input[placeholder="用户名"]', 'analyst');
  await page.fill('input[placeholder="密码"]', 'demo');
  await page.click('button[type=submit]');
  await page.locator('#wb-navigation').waitFor();
  log('analyst signed in to Cockpit; the header links 规则工作台');

  await page.click('#wb-navigation');
  await page.locator('#wb-decision option[data-key="discretion"]').first().waitFor({ state: 'attached' });
  const discretionId = await page.locator('#wb-decision option[data-key="discretion"]').first().getAttribute('value');
  await page.selectOption('#wb-decision', discretionId);
  await page.locator('#wb-evaluate').waitFor();
  const inputs = { violationCode: 'YZ-KY-WZ', circumstanceTier: 'serious', repeatCount: '0', partyType: 'organisation', harm: 'none' };
  for (const [name, value] of Object.entries(inputs)) {
    await page.fill(`.wb-input[data-name="${name}"]`, value);
  }
  await page.screenshot({ path: `${SHOTS}/01-discretion-inputs.png`, fullPage: true });
  await page.click('#wb-evaluate');
  const suggested = page.locator('#wb-result-table td[data-output="suggestedFine"]').first();
  await suggested.waitFor();
  const fine = (await suggested.textContent()).trim();
  const basis = (await page.locator('#wb-result-table td[data-output="basis"]').first().textContent()).trim();
  await page.screenshot({ path: `${SHOTS}/02-discretion-result.png`, fullPage: true });
  if (Number(fine) !== 50000) fail(`expected the suggested fine 50000 for a serious YZ-KY-WZ, the page shows ${fine}`);
  log(`test-evaluated discretion in the browser: suggested fine ${fine} 元 (${basis.substring(0, 24)}…)`);

  await page.click('#wb-tab-versions');
  const tables = page.locator('#wb-process-versions tr[data-key="generalProcedure"] td.wb-tables').first();
  await tables.waitFor();
  if (!(await tables.textContent()).includes('discretion 第 1 版')) fail('generalProcedure v1 must show that its cases use discretion v1');
  await page.screenshot({ path: `${SHOTS}/03-versions.png`, fullPage: true });
  log('the versions page lists every model and table, their deployments and the cases running on them');

  // deploy-changed-only, as docs/analysts.md "Changing a rule table" says: every file, under the auto-deployment's names
  const before = await latestVersions();
  const current = await rest(`/decision-definition/${discretionId}`);
  const deployment = await rest(`/deployment/${current.deploymentId}`);
  const resources = await rest(`/deployment/${current.deploymentId}/resources`);
  const form = new FormData();
  form.append('deployment-name', deployment.name);
  form.append('enable-duplicate-filtering', 'true');
  form.append('deploy-changed-only', 'true');
  if (deployment.source) form.append('deployment-source', deployment.source);
  const nameOf = (file) => resources.map((r) => r.name).find((n) => n === file || n.endsWith(`/${file}`)) ?? file;
  let files = 0;
  for (const folder of ['bpmn', 'forms']) {
    for (const file of readdirSync(join(ROOT, folder))) {
      let content = readFileSync(join(ROOT, folder, file), 'utf8');
      if (file === 'discretion.dmn') {
        content = content.replace('name="行政处罚裁量基准"', 'name="行政处罚裁量基准（分析员修订）"');
      }
      form.append(nameOf(file), new Blob([content], { type: 'application/octet-stream' }), nameOf(file));
      files++;
    }
  }
  const deployed = await rest('/deployment/create', { method: 'POST', body: form });
  const after = await latestVersions();
  const changed = Object.keys(after).filter((key) => after[key] !== before[key]);
  console.log(`   sent ${files} files; new versions: ${changed.map((k) => `${k} v${after[k]}`).join(', ') || 'none'}`);
  if (changed.length !== 1 || changed[0] !== 'decision:discretion' || after['decision:discretion'] !== before['decision:discretion'] + 1) {
    fail(`deploy-changed-only must give discretion alone a new version; changed: ${JSON.stringify(changed)}`);
  }
  if (Object.keys(deployed.deployedProcessDefinitions ?? {}).length !== 0) fail('a process was redeployed');
  log(`redeployed one table (deploy-changed-only): only discretion has a new version (v${before['decision:discretion']} → v${after['decision:discretion']}), checked via REST`);

  await page.click('#wb-tab-compare');
  await page.locator('#wb-compare-key option[value="decision:discretion"]').waitFor({ state: 'attached' });
  await page.selectOption('#wb-compare-key', 'decision:discretion');
  await page.click('#wb-compare');
  await page.locator('#wb-compare-result .wb-added').first().waitFor();
  await page.locator('#wb-compare-result .wb-added').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/04-compare-versions.png`, fullPage: true });
  log('the two versions of discretion side by side, the changed line marked');
} finally {
  await browser.close();
}
