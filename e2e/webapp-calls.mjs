// Diagnostic, not a test: signs in to Cockpit (citysupervisor, analyst), Admin (admin) and Tasklist (xfhandler1,
// citysupervisor) in Debian's Chromium and lists every /camunda/api call with its status, to see what the
// allow-list (security/EngineApiAccess) must let through.   node e2e/webapp-calls.mjs http://localhost:18111
import { chromium } from 'playwright-core';
const BASE = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function visit(user, app, paths) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  context.setDefaultTimeout(90000);
  const page = await context.newPage();
  const seen = new Map();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/camunda/api')) {
      const key = `${r.request().method()} ${u.pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}')} ${r.status()}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  });
  await page.goto(`${BASE}/camunda/app/${app}/`);
  await page.fill('input[placeholder="用户名"]', user);
  await page.fill('input[placeholder="密码"]', 'demo');
  await page.click('button[type=submit]');
  await page.waitForTimeout(8000);
  for (const p of paths) {
    await page.goto(`${BASE}/camunda/app/${app}/default/#${p}`);
    await page.waitForTimeout(6000);
    // open the first process / instance link, if any
    const link = page.locator('a[href*="process-definition/"], a[href*="process-instance/"]').first();
    if (p === '/processes' && await link.count()) { await link.click(); await page.waitForTimeout(6000); }
  }
  console.log(`== ${user} in ${app}`);
  for (const [k, n] of [...seen].sort()) console.log(`${k} x${n}`);
  await context.close();
}
await visit('citysupervisor', 'cockpit', ['/dashboard', '/processes', '/decisions', '/deployments']);
await visit('analyst', 'cockpit', ['/dashboard', '/processes', '/decisions', '/deployments']);
await visit('admin', 'admin', ['/users', '/groups', '/authorization?resource=0', '/system?section=system-settings-general']);
await visit('xfhandler1', 'tasklist', ['/?filter=']);
await visit('citysupervisor', 'tasklist', ['/?filter=']);
await browser.close();
