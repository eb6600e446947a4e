// 案件监督: Sanlian's Cockpit plugin for legal supervisors (all bodies) and heads (their own body; the server
// decides). It reads Sanlian's /api/supervision with the Cockpit session; charts are Apache ECharts, bundled
// into the jar at build time beside this file (see pom.xml, "echarts-from-npm").
const API = '/api/supervision';
const ROUTE = '/supervision';

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  const url = `${API}${path}${query.toString() ? `?${query}` : ''}`;
  const headers = { Accept: 'application/json' };
  const token = cookie('XSRF-TOKEN');
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  const response = await fetch(url, { credentials: 'same-origin', headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((body && (body.detail || body.title)) || `${response.status}`);
  }
  return body;
}

/** A DOM element; text children are text nodes, never HTML. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) {
      element.addEventListener(name.substring(2), value);
    } else if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

const STYLE = `
.sl-sup { padding: 12px 20px; font-size: 14px; }
.sl-sup h2 { margin: 4px 0 12px; font-size: 20px; }
.sl-sup h3 { margin: 16px 0 8px; font-size: 16px; }
.sl-sup .sl-tabs button { margin-right: 6px; }
.sl-sup .sl-tabs button.active { font-weight: bold; border-bottom: 3px solid #b5152b; }
.sl-sup .sl-filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; margin: 10px 0; }
.sl-sup .sl-filters label { display: flex; flex-direction: column; font-weight: normal; }
.sl-sup table { border-collapse: collapse; width: 100%; margin-bottom: 8px; }
.sl-sup th, .sl-sup td { border: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
.sl-sup th { background: #f4f4f4; }
.sl-sup tr.sl-row { cursor: pointer; }
.sl-sup tr.sl-row:hover { background: #fff6e0; }
.sl-sup .OVERDUE { color: #b5152b; font-weight: bold; }
.sl-sup .AT_RISK { color: #c77700; font-weight: bold; }
.sl-sup .MET_LATE { color: #8a4b00; }
.sl-sup .sl-basis { color: #666; font-size: 12px; }
.sl-sup .sl-hash { font-family: monospace; font-size: 11px; word-break: break-all; }
.sl-sup .sl-chart { width: 100%; height: 320px; margin-bottom: 12px; }
.sl-sup .sl-error { color: #b5152b; }
`;

function ensureStyle() {
  if (!document.getElementById('sl-sup-style')) {
    document.head.append(h('style', { id: 'sl-sup-style' }, STYLE));
  }
}

function select(name, label, options, value) {
  return h('label', {}, label, h('select', { name, class: 'form-control' },
    h('option', { value: '' }, '全部'),
    options.map((o) => h('option', { value: o.code, selected: o.code === value }, o.name))));
}

function days(row) {
  if (row.state === 'MET') {
    return `按期（${row.completedOn}）`;
  }
  if (row.daysLeft < 0) {
    return `逾期 ${-row.daysLeft} 天`;
  }
  return row.daysLeft === 0 ? '今日到期' : `剩余 ${row.daysLeft} 天`;
}

function deadlinesTable(rows, onOpen) {
  return h('table', { class: 'sl-deadlines' },
    h('thead', {}, h('tr', {}, ['执法单位', '案号 / 案源编号', '当事人', '案件状态', '法定期限', '环节', '到期日', '剩余 / 逾期', '状态']
      .map((t) => h('th', {}, t)))),
    h('tbody', {}, rows.map((row) => h('tr', { class: 'sl-row', 'data-reference': row.reference, onclick: () => onOpen(row.reference) },
      h('td', {}, row.organisationName),
      h('td', {}, row.reference),
      h('td', {}, row.partyName),
      h('td', {}, row.subjectStatus),
      h('td', {}, row.kindName, h('div', { class: 'sl-basis' }, row.basis)),
      h('td', {}, row.step),
      h('td', {}, row.dueDate),
      h('td', { class: row.state }, days(row)),
      h('td', { class: row.state }, row.stateName)))));
}

async function showTimeline(panel, reference) {
  panel.replaceChildren(h('p', {}, `正在读取 ${reference} 的全过程记录…`));
  try {
    const t = await api('/timeline', { reference });
    const when = (at) => (at ? new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');
    const entries = h('table', { class: 'sl-timeline' },
      h('thead', {}, h('tr', {}, ['时间', '人员', '环节', '说明', 'SHA-256'].map((x) => h('th', {}, x)))),
      h('tbody', {}, t.entries.map((e) => h('tr', { class: 'sl-entry' },
        h('td', {}, when(e.at)),
        h('td', { class: 'sl-who' }, e.who),
        h('td', { class: 'sl-step' }, e.step),
        h('td', {}, e.category === '裁量偏离' ? h('strong', {}, `【${e.category}】`) : null, e.detail || ''),
        h('td', { class: 'sl-hash' }, e.sha256 || '')))));
    const deviations = t.deviations.length === 0 ? h('p', {}, '无偏离裁量基准的情形。')
      : h('table', {},
        h('thead', {}, h('tr', {}, ['申请时间', '申请人', '理由', '审批时间', '审批人', '审批结果'].map((x) => h('th', {}, x)))),
        h('tbody', {}, t.deviations.map((d) => h('tr', {},
          h('td', {}, when(d.requestedAt)), h('td', {}, d.requestedBy), h('td', {}, d.reasons),
          h('td', {}, when(d.decidedAt)), h('td', {}, d.decidedBy || ''), h('td', {}, d.decision)))));
    panel.replaceChildren(
      h('h3', {}, `全过程记录：${t.reference}`),
      h('p', {}, `${t.organisationName} · 当事人 ${t.partyName} · ${t.status}`),
      h('h3', {}, '法定期限'),
      deadlinesTable(t.deadlines, () => {}),
      h('h3', {}, '办案经过'),
      entries,
      h('h3', {}, '偏离裁量基准及审批'),
      deviations);
    panel.scrollIntoView({ behavior: 'smooth' });
  } catch (error) {
    panel.replaceChildren(h('p', { class: 'sl-error' }, `无法读取：${error.message}`));
  }
}

async function deadlinesView(container, options) {
  const form = h('form', { class: 'sl-filters', onsubmit: (event) => { event.preventDefault(); load(); } },
    select('organisation', '执法单位', options.bodies),
    select('kind', '期限种类', options.kinds),
    h('label', {}, '剩余天数不超过', h('input', { name: 'maxDaysLeft', type: 'number', class: 'form-control', style: 'width: 8em' })),
    h('label', {}, '状态', h('select', { name: 'state', class: 'form-control' },
      h('option', { value: '' }, '需关注（已超期、即将到期、超期办结）'),
      h('option', { value: 'ALL' }, '全部'),
      options.states.map((s) => h('option', { value: s.code }, s.name)))),
    h('button', { type: 'submit', class: 'btn btn-primary' }, '查询'));
  const list = h('div', { class: 'sl-list' });
  const panel = h('div', { class: 'sl-panel' });
  container.replaceChildren(form, list, panel);

  async function load() {
    list.replaceChildren(h('p', {}, '正在查询…'));
    const values = Object.fromEntries(new FormData(form).entries());
    try {
      const rows = await api('/deadlines', values);
      list.replaceChildren(h('p', {}, `共 ${rows.length} 项`), deadlinesTable(rows, (reference) => showTimeline(panel, reference)));
    } catch (error) {
      list.replaceChildren(h('p', { class: 'sl-error' }, `查询失败：${error.message}`));
    }
  }
  await load();
}

async function statisticsView(container, options) {
  const form = h('form', { class: 'sl-filters', onsubmit: (event) => { event.preventDefault(); load(); } },
    select('organisation', '执法单位', options.bodies),
    h('label', {}, '起始月份', h('input', { name: 'from', type: 'month', class: 'form-control' })),
    h('label', {}, '截止月份', h('input', { name: 'to', type: 'month', class: 'form-control' })),
    h('button', { type: 'submit', class: 'btn btn-primary' }, '统计'));
  const exports = h('p', { class: 'sl-exports' });
  const body = h('div');
  container.replaceChildren(form, exports, body);
  const echarts = await import('./echarts.esm.min.js');

  function chart(title, option) {
    const node = h('div', { class: 'sl-chart' });
    body.append(h('h3', {}, title), node);
    echarts.init(node).setOption(option);
  }

  function table(title, headings, rows) {
    body.append(h('h3', {}, title), h('table', {}, h('thead', {}, h('tr', {}, headings.map((x) => h('th', {}, x)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c)))))));
  }

  async function load() {
    const values = Object.fromEntries(new FormData(form).entries());
    exports.replaceChildren('导出 CSV（Excel 可直接打开）：',
      ...[['groups', '按单位、月份、违法行为、处理结果'], ['bodies', '按单位'], ['steps', '各环节用时'], ['spread', '裁量离散度']]
        .map(([table, label]) => h('a', { class: 'sl-csv', href: `${API}/statistics.csv?${new URLSearchParams({ ...values, table })}`, style: 'margin-right: 12px' }, label)));
    body.replaceChildren(h('p', {}, '正在统计…'));
    let report;
    try {
      report = await api('/statistics', values);
    } catch (error) {
      body.replaceChildren(h('p', { class: 'sl-error' }, `统计失败：${error.message}`));
      return;
    }
    body.replaceChildren();
    const names = report.bodies.map((b) => b.organisationName);
    chart('各单位案件数与罚款', {
      tooltip: { trigger: 'axis' }, legend: {}, grid: { containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: 30 } },
      yAxis: [{ type: 'value', name: '案件数' }, { type: 'value', name: '金额（元）' }],
      series: [
        { name: '案件数', type: 'bar', data: report.bodies.map((b) => b.cases) },
        { name: '罚款决定金额', type: 'bar', yAxisIndex: 1, data: report.bodies.map((b) => Number(b.fineImposed)) },
        { name: '罚款实收金额', type: 'bar', yAxisIndex: 1, data: report.bodies.map((b) => Number(b.fineCollected)) },
      ],
    });
    chart('各单位办理环节超期率', {
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` }, grid: { containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: 30 } }, yAxis: { type: 'value', name: '%' },
      series: [{ name: '超期率', type: 'bar', data: report.bodies.map((b) => Number(b.overdueRate) * 100) }],
    });
    const spreadNames = report.spread.map((s) => `${s.violationName}（${s.tierName || '—'}）`);
    chart('类案不同罚：同一违法行为、同一情节的罚款离散度', {
      tooltip: { trigger: 'axis' }, legend: {}, grid: { containLabel: true },
      xAxis: { type: 'category', data: spreadNames, axisLabel: { rotate: 20 } }, yAxis: { type: 'value', name: '罚款（元）' },
      series: ['min', 'mean', 'max'].map((field, i) => ({
        name: ['最低', '平均', '最高'][i], type: i === 1 ? 'line' : 'scatter', data: report.spread.map((s) => Number(s[field])),
      })),
    });
    table('按单位、月份、违法行为、处理结果', ['执法单位', '立案月份', '违法行为', '处理结果', '案件数', '罚款决定（元）', '罚款实收（元）'],
      report.groups.map((g) => [g.organisationName, g.month, g.violationName, g.outcomeName, g.cases, g.fineImposed, g.fineCollected]));
    table('按单位', ['执法单位', '案件数', '罚款决定（元）', '罚款实收（元）', '有期限环节', '超期环节', '超期率'],
      report.bodies.map((b) => [b.organisationName, b.cases, b.fineImposed, b.fineCollected, b.stepsWithDueDate, b.stepsOverdue,
        `${(Number(b.overdueRate) * 100).toFixed(1)}%`]));
    table('各环节平均用时（工作日）', ['执法单位', '环节', '已办结', '平均工作日'],
      report.steps.map((s) => [s.organisationName, s.stepName, s.completed, s.averageWorkingDays]));
    table('裁量离散度（类案不同罚）', ['违法行为', '情节', '案件数', '最低', '最高', '平均', '标准差'],
      report.spread.map((s) => [s.violationName, s.tierName, s.cases, s.min, s.max, s.mean, s.standardDeviation]));
  }
  await load();
}

async function renderPage(node) {
  ensureStyle();
  const content = h('div');
  const tabs = h('div', { class: 'sl-tabs' });
  node.replaceChildren(h('div', { class: 'sl-sup' }, h('h2', {}, '案件监督'), tabs, content));
  let options;
  try {
    options = await api('/options');
  } catch (error) {
    content.replaceChildren(h('p', { class: 'sl-error' }, `案件监督不可用：${error.message}`));
    return;
  }
  const views = [['期限监督', deadlinesView], ['执法统计', statisticsView]];
  views.forEach(([label, view], index) => {
    const button = h('button', { type: 'button', class: 'btn btn-default', onclick: () => show(index) }, label);
    tabs.append(button);
  });
  function show(index) {
    [...tabs.children].forEach((b, i) => b.classList.toggle('active', i === index));
    views[index][1](content, options);
  }
  show(0);
}

async function renderInstanceTab(node, processInstanceId) {
  ensureStyle();
  node.replaceChildren(h('p', {}, '正在读取…'));
  try {
    const instance = await api('/instance', { processInstanceId });
    node.replaceChildren(h('div', { class: 'sl-sup' },
      h('h3', {}, '待办任务（候选组以单位和角色显示）'),
      h('table', {}, h('thead', {}, h('tr', {}, ['任务', '到期', '办理人', '候选组'].map((x) => h('th', {}, x)))),
        h('tbody', {}, instance.tasks.map((t) => h('tr', {}, h('td', {}, t.name), h('td', {}, t.due || ''),
          h('td', {}, t.assignee || ''), h('td', {}, t.groups.join('、')))))),
      h('h3', {}, '案件要素（三联变量的中文名称）'),
      h('table', {}, h('thead', {}, h('tr', {}, ['名称', '值', '变量'].map((x) => h('th', {}, x)))),
        h('tbody', {}, instance.variables.map((v) => h('tr', {}, h('td', {}, v.label), h('td', {}, v.value), h('td', { class: 'sl-basis' }, v.name)))))));
  } catch (error) {
    node.replaceChildren(h('p', { class: 'sl-error' }, `无法读取：${error.message}`));
  }
}

export default [
  {
    id: 'sanlian.supervision.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { pagePath: `#${ROUTE}`, label: '案件监督' },
    render: (node) => {
      node.append(h('a', { href: `#${ROUTE}`, class: 'sl-nav' }, '案件监督'));
    },
  },
  {
    id: 'sanlian.supervision.route',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: '案件监督' },
    render: (node) => { renderPage(node); },
  },
  {
    id: 'sanlian.supervision.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => {
      node.append(h('section', { class: 'sl-sup' }, h('h3', {}, '案件监督'),
        h('p', {}, '各执法单位的法定期限预警（已超期、即将到期）、案件全过程记录和执法统计：', h('a', { href: `#${ROUTE}` }, '打开案件监督'))));
    },
  },
  {
    id: 'sanlian.supervision.instance',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    properties: { label: '案件要素' },
    render: (node, { processInstanceId }) => { renderInstanceTab(node, processInstanceId); },
  },
];
