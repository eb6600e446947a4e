// Renders every BPMN model in bpmn/ with bpmn-js in Debian's Chromium, one PNG per diagram plane: the process
// and every collapsed sub-process (drill-down plane), under target/models/ (issue 17: one screen per level).
// usage: node e2e/render-models.mjs [outDir]   (run `npm ci` in e2e/ once)
// Prints each plane's size; exits 1 when a model does not import or a plane is larger than one screen.
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = process.argv[2] ?? join(ROOT, 'target/models');
const SCREEN = { width: 1600, height: 900 };
mkdirSync(OUT, { recursive: true });

const viewer = readFileSync(join(ROOT, 'e2e/node_modules/bpmn-js/dist/bpmn-navigated-viewer.production.min.js'), 'utf8');
const css = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css']
  .map((f) => readFileSync(join(ROOT, 'e2e/node_modules/bpmn-js/dist/assets', f), 'utf8')).join('\n');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
let failed = 0;
try {
  const page = await browser.newPage({ viewport: SCREEN });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}
    html, body, #canvas { margin: 0; width: 100%; height: 100%; background: white; }</style></head>
    <body><div id="canvas"></div></body></html>`);
  await page.addScriptTag({ content: viewer });
  for (const file of readdirSync(join(ROOT, 'bpmn')).filter((f) => f.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(ROOT, 'bpmn', file), 'utf8');
    const result = await page.evaluate(async (xml) => {
      if (window.modeler) window.modeler.destroy();
      window.modeler = new BpmnJS({ container: '#canvas' });
      try {
        const { warnings } = await window.modeler.importXML(xml);
        const canvas = window.modeler.get('canvas');
        const planes = canvas.getRootElements().map((r) => r.id);
        return { warnings: warnings.map((w) => w.message), planes };
      } catch (e) {
        return { error: String(e) };
      }
    }, xml);
    if (result.error) {
      console.log(`${file}: does not import: ${result.error}`);
      failed++;
      continue;
    }
    for (const w of result.warnings) console.log(`${file}: warning: ${w}`);
    for (const plane of result.planes) {
      const box = await page.evaluate((plane) => {
        const canvas = window.modeler.get('canvas');
        canvas.setRootElement(canvas.findRoot(plane));
        const elements = window.modeler.get('elementRegistry').filter((e) => canvas.findRoot(e) === canvas.findRoot(plane)
          && e.id !== plane && !e.labelTarget && e.type !== 'bpmn:Process' && !(e.waypoints === undefined && e.width === undefined));
        let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
        for (const e of elements) {
          const pts = e.waypoints ?? [{ x: e.x, y: e.y }, { x: e.x + e.width, y: e.y + e.height }];
          for (const p of pts) { x1 = Math.min(x1, p.x); y1 = Math.min(y1, p.y); x2 = Math.max(x2, p.x); y2 = Math.max(y2, p.y); }
        }
        canvas.zoom('fit-viewport', 'auto');
        if (canvas.zoom() > 1) canvas.zoom(1, 'auto');
        return { width: Math.round(x2 - x1), height: Math.round(y2 - y1), zoom: canvas.zoom() };
      }, plane);
      const name = `${file.replace(/\.bpmn$/, '')}--${plane.replace(/_plane$/, '')}.png`;
      await page.screenshot({ path: join(OUT, name) });
      const fits = box.width <= SCREEN.width && box.height <= SCREEN.height;
      console.log(`${name}: ${box.width} x ${box.height} px${fits ? '' : ' — larger than one screen'}`);
      if (!fits) failed++;
    }
  }
} finally {
  await browser.close();
}
console.log(failed ? `render-models: ${failed} problem(s)` : `render-models: every plane fits ${SCREEN.width} x ${SCREEN.height}`);
process.exit(failed ? 1 : 0);
