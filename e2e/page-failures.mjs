// The pages Tasklist links to, in Debian's Chromium in Chinese, when a request of theirs fails: every section says
// in Chinese what became of its own request, none stays at 加载中… (found in Chromium: documents.html opened by
// another body's officer showed the 404 of its 文书 but left 送达记录 and 归档案卷 loading forever).
//   1. documents.html of a case this officer may not read (404, as another body's case: DocumentController) —
//      文书, 送达记录 and 归档案卷 each say 不存在或无权查看, the archive not 尚未归档.
//   2. evidence.html of the same case: 证据清单 says so too.
//   3. documents.html, cases.html, network.html with the server answering 500 to every /api read (the browser's
//      routing stands in for a failing server): each list says 服务器出错 in Chinese.
//
//   node e2e/page-failures.mjs [base URL, default http://localhost:8080] [screenshot folder]
//
// Needs a running Sanlian with the demo users (the default profile) and /usr/bin/chromium.
import { launchChromium, signIn } from './tasklist-session.mjs';
import { mkdirSync } from 'node:fs';

const BASE = process.argv[2] ?? 'http://localhost:8080';
const SHOTS = process.argv[3] ?? 'target/page-failures';
mkdirSync(SHOTS, { recursive: true });

const browser = await launchChromium(['--lang=zh-CN']);
let step = 0;
let failed = 0;
const log = (text) => console.log(`${String(++step).padStart(2, '0')} ${text}`);
const check = (ok, text) => { if (!ok) failed++; console.log(`   ${ok ? 'ok ' : 'NOT'} ${text}`); };

// a case number no body of the demo network holds: the server answers it as it answers another body's case (404)
const otherBodysCase = '西峰交执罚〔2099〕99999号';

/** The texts of a page's sections once none of them is loading any more (or after a minute, as they are). */
async function settled(page, selectors) {
  const loading = () => page.evaluate((list) => list.some((s) => document.querySelector(s)?.textContent.includes('加载中')),
    selectors);
  for (let waited = 0; waited < 60000 && await loading(); waited += 500) {
    await page.waitForTimeout(500);
  }
  const texts = {};
  for (const s of selectors) texts[s] = (await page.locator(s).textContent()).trim();
  return texts;
}

async function expectSections(page, name, sections, wanted) {
  const texts = await settled(page, Object.keys(sections));
  await page.screenshot({ path: `${SHOTS}/${String(step).padStart(2, '0')}-${name}.png`, fullPage: true });
  for (const [selector, label] of Object.entries(sections)) {
    const text = texts[selector];
    check(!text.includes('加载中') && wanted.test(text) && /[\u4e00-\u9fff]/.test(text), `${label}: ${text}`);
  }
}

const qingcheng = await signIn(browser, BASE, 'qchandler1', { locale: 'zh-CN' });
const context = qingcheng.context();

log(`庆城县 handler opens documents.html of ${otherBodysCase}`);
const documents = await context.newPage();
await documents.goto(`${BASE}/documents.html?case=${encodeURIComponent(otherBodysCase)}`);
await expectSections(documents, 'documents-not-visible',
  { '#documents': '文书', '#services': '送达记录', '#archive': '归档案卷' }, /不存在或无权查看/);

log('… and evidence.html of it');
const evidence = await context.newPage();
await evidence.goto(`${BASE}/evidence.html?case=${encodeURIComponent(otherBodysCase)}`);
await expectSections(evidence, 'evidence-not-visible', { '#items': '证据清单' }, /不存在或无权查看/);

log('the server answers 500 to every /api read: documents.html, cases.html, network.html');
const broken = await browser.newContext({ locale: 'zh-CN', storageState: await context.storageState() });
await broken.route(/\/api\/(?!session)/, (route) => route.request().method() === 'GET'
  ? route.fulfill({ status: 500, contentType: 'application/problem+json',
    body: JSON.stringify({ title: 'Internal Server Error', status: 500 }) })
  : route.continue());
for (const [path, sections] of [
  [`/documents.html?case=${encodeURIComponent(otherBodysCase)}`,
    { '#documents': '文书', '#services': '送达记录', '#archive': '归档案卷' }],
  ['/cases.html', { '#cases': '案件清单' }],
  ['/network.html', { '#transfers': '管辖事项', '#requests': '协查' }],
]) {
  const page = await broken.newPage();
  await page.goto(`${BASE}${path}`);
  await expectSections(page, path.slice(1, path.indexOf('.')) + '-500', sections, /服务器出错/);
}

await browser.close();
if (failed) {
  console.log(`${failed} section(s) without a clear Chinese failure`);
  process.exit(1);
}
console.log('every section says what became of its request');
