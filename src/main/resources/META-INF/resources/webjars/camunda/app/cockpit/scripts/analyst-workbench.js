// Sanlian: the analysts' workbench in Cockpit (规则工作台, docs/analysts.md "Analysts' workbench").
// A plain Cockpit 7.24 frontend plugin (config.js customScripts): a route #/workbench and a link in the header.
// It calls only the webapps' engine API with the Cockpit session (no second login): deployments, definitions and
// their XML, decision evaluation, and history counts — what the analyst role may do.
//   1. 试算规则表: a form of the table's inputs, read from its DMN; evaluates the chosen version.
//   2. 模型版本: every version of every process and table, its deployment, the cases still running on it, and
//      the tables in the same deployment — the ones those cases use (decisionRefBinding="deployment").
//   3. 版本对比: two versions side by side — the rules of a table, or the XML of a model, changes marked.

const ROUTE = '/workbench';
const DMN_NS = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
const NUMBER_TYPES = { integer: 'Integer', long: 'Long', double: 'Double', number: 'Double' };

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

function csrfToken(api) {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api.CSRFToken;
}

async function engine(api, path, body) {
  const headers = { Accept: 'application/json' };
  const options = { method: body === undefined ? 'GET' : 'POST', headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['X-XSRF-TOKEN'] = csrfToken(api);
    options.body = JSON.stringify(body);
  }
  const response = await fetch(api.engineApi + path, options);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = data && (data.detail || data.message || data.title);
    throw new Error('HTTP ' + response.status + (message ? '：' + message : ''));
  }
  return data;
}

function definitionLabel(d) {
  return (d.name || d.key) + '（' + d.key + '）第 ' + d.version + ' 版';
}

function byKeyThenVersion(a, b) {
  return a.key === b.key ? b.version - a.version : a.key.localeCompare(b.key);
}

// ---- the DMN: inputs, outputs and rules of one decision table ----

function decisionTable(xml, key) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const decision = Array.from(doc.getElementsByTagNameNS(DMN_NS, 'decision')).find(d => d.getAttribute('id') === key);
  const table = decision && decision.getElementsByTagNameNS(DMN_NS, 'decisionTable')[0];
  if (!table) {
    return null;
  }
  const children = name => Array.from(table.children).filter(c => c.localName === name);
  const text = node => {
    const t = node && Array.from(node.children).find(c => c.localName === 'text');
    return t ? t.textContent.trim() : '';
  };
  const inputs = children('input').map(input => {
    const expression = Array.from(input.children).find(c => c.localName === 'inputExpression');
    return {
      label: input.getAttribute('label') || text(expression),
      expression: text(expression),
      typeRef: (expression && expression.getAttribute('typeRef')) || 'string'
    };
  });
  const outputs = children('output').map(output => ({
    name: output.getAttribute('name'),
    label: output.getAttribute('label') || output.getAttribute('name'),
    typeRef: output.getAttribute('typeRef') || 'string'
  }));
  const rules = children('rule').map(rule => ({
    id: rule.getAttribute('id'),
    inputs: Array.from(rule.children).filter(c => c.localName === 'inputEntry').map(text),
    outputs: Array.from(rule.children).filter(c => c.localName === 'outputEntry').map(text),
    annotation: (Array.from(rule.children).find(c => c.localName === 'description') || {}).textContent || ''
  }));
  inputs.forEach((input, i) => {
    const literals = new Set();
    rules.forEach(rule => (rule.inputs[i] || '').split(',').forEach(part => {
      const match = part.trim().match(/^"([^"]*)"$/);
      if (match) {
        literals.add(match[1]);
      }
    }));
    input.choices = Array.from(literals).sort();
  });
  return { hitPolicy: table.getAttribute('hitPolicy') || 'UNIQUE', inputs, outputs, rules };
}

// ---- 1. test-evaluate a rule table ----

function inputField(input, index) {
  const id = 'wb-input-' + index;
  const simpleName = /^[A-Za-z_][A-Za-z0-9_]*$/.test(input.expression);
  let control;
  if (input.typeRef === 'boolean') {
    control = element('select', { id, class: 'form-control wb-input', 'data-name': input.expression, 'data-type': 'boolean' },
      element('option', { value: '', text: '（空）' }),
      element('option', { value: 'true', text: '是（true）' }),
      element('option', { value: 'false', text: '否（false）' }));
  } else if (NUMBER_TYPES[input.typeRef]) {
    control = element('input', { id, type: 'number', step: input.typeRef === 'double' ? 'any' : '1',
      class: 'form-control wb-input', 'data-name': input.expression, 'data-type': input.typeRef });
  } else {
    const list = input.choices.length ? id + '-choices' : null;
    control = element('input', { id, type: 'text', list, class: 'form-control wb-input',
      'data-name': input.expression, 'data-type': input.typeRef });
    if (list) {
      control = element('span', {}, control,
        element('datalist', { id: list }, input.choices.map(c => element('option', { value: c }))));
    }
  }
  return element('div', { class: 'form-group' },
    element('label', { for: id, text: input.label }),
    simpleName ? null : element('p', { class: 'text-warning', text: '输入表达式不是变量名（' + input.expression + '），按此名称传入变量' }),
    control,
    element('small', { class: 'help-block', text: '变量 ' + input.expression + ' · ' + input.typeRef }));
}

function variablesOf(form) {
  const variables = {};
  form.querySelectorAll('.wb-input').forEach(field => {
    const raw = field.value.trim();
    const type = field.getAttribute('data-type');
    const name = field.getAttribute('data-name');
    if (raw === '') {
      variables[name] = { value: null, type: 'Null' };
    } else if (type === 'boolean') {
      variables[name] = { value: raw === 'true', type: 'Boolean' };
    } else if (NUMBER_TYPES[type]) {
      variables[name] = { value: Number(raw), type: NUMBER_TYPES[type] };
    } else {
      variables[name] = { value: raw, type: 'String' };
    }
  });
  return variables;
}

function resultTable(table, results) {
  if (!results.length) {
    return element('p', { class: 'alert alert-warning', text: '没有命中任何规则' });
  }
  const outputs = table ? table.outputs : Object.keys(results[0]).map(name => ({ name, label: name }));
  return element('table', { class: 'table table-bordered cam-table', id: 'wb-result-table' },
    element('thead', {}, element('tr', {}, outputs.map(o => element('th', { text: o.label })))),
    element('tbody', {}, results.map(row => element('tr', {}, outputs.map(o => {
      const cell = row[o.name];
      return element('td', { 'data-output': o.name, text: cell === undefined || cell.value === null ? '—' : String(cell.value) });
    })))));
}

async function evaluateSection(api, section) {
  const definitions = (await engine(api, '/decision-definition?sortBy=key&sortOrder=asc')).sort(byKeyThenVersion);
  const chooser = element('select', { id: 'wb-decision', class: 'form-control' },
    element('option', { value: '', text: '请选择规则表' }),
    definitions.map(d => element('option', { value: d.id, 'data-key': d.key, text: definitionLabel(d) })));
  const form = element('div', { id: 'wb-form', class: 'wb-form' });
  const result = element('div', { id: 'wb-result' });
  let table = null;
  let shown = null;
  chooser.addEventListener('change', async () => {
    const definition = definitions.find(d => d.id === chooser.value);
    if (!definition || definition.id === shown) {
      return;
    }
    shown = definition.id;
    form.textContent = '';
    result.textContent = '';
    const xml = (await engine(api, '/decision-definition/' + encodeURIComponent(definition.id) + '/xml')).dmnXml;
    if (shown !== definition.id) {
      return;
    }
    table = decisionTable(xml, definition.key);
    if (!table) {
      form.append(element('p', { class: 'text-warning', text: '这不是决策表，不能按输入试算' }));
      return;
    }
    form.append(element('p', { text: '命中策略：' + table.hitPolicy + ' · ' + table.rules.length + ' 条规则' }));
    table.inputs.forEach((input, i) => form.append(inputField(input, i)));
    form.append(element('button', { type: 'button', id: 'wb-evaluate', class: 'btn btn-primary', text: '试算', onclick: evaluate }));
  });
  // a button, not a form submit: Cockpit's AngularJS page would otherwise take the submit event
  async function evaluate() {
    result.textContent = '正在试算……';
    try {
      const results = await engine(api, '/decision-definition/' + encodeURIComponent(chooser.value) + '/evaluate',
        { variables: variablesOf(form) });
      result.textContent = '';
      result.append(element('h4', { text: '试算结果（' + results.length + ' 条）' }), resultTable(table, results));
    } catch (error) {
      result.textContent = '';
      result.append(element('p', { class: 'alert alert-danger', id: 'wb-error', text: '试算失败：' + error.message }));
    }
  }
  section.append(element('h3', { text: '试算规则表' }),
    element('p', { text: '按规则表的输入填写，试算所选版本；不影响任何案件。' }), chooser, form, result);
}

// ---- 2. versions and the cases running on them ----

async function versionsSection(api, section) {
  const [processes, decisions, deployments] = await Promise.all([
    engine(api, '/process-definition?sortBy=key&sortOrder=asc'),
    engine(api, '/decision-definition?sortBy=key&sortOrder=asc'),
    engine(api, '/deployment?sortBy=deploymentTime&sortOrder=desc')
  ]);
  const deploymentOf = id => deployments.find(d => d.id === id) || { name: id, deploymentTime: '' };
  processes.sort(byKeyThenVersion);
  decisions.sort(byKeyThenVersion);
  const running = await Promise.all(processes.map(p => engine(api,
    '/history/process-instance/count?unfinished=true&processDefinitionId=' + encodeURIComponent(p.id))
    .then(r => r.count).catch(() => '—')));
  // the tables each process version calls (business rule tasks' decisionRef)
  const called = await Promise.all(processes.map(p => engine(api,
    '/process-definition/' + encodeURIComponent(p.id) + '/xml')
    .then(r => new Set(Array.from(r.bpmn20Xml.matchAll(/camunda:decisionRef="([^"$]+)"/g), m => m[1])))
    .catch(() => new Set())));
  const deploymentCell = id => {
    const d = deploymentOf(id);
    return element('td', { text: (d.name || '') + ' · ' + (d.deploymentTime || '').replace('T', ' ').substring(0, 19) });
  };
  section.append(element('h3', { text: '模型版本与运行中的案件' }),
    element('p', { text: '流程按部署绑定规则表和表单：一个流程版本的案件使用与它同一次部署的规则表版本。' }),
    element('table', { class: 'table table-bordered cam-table', id: 'wb-process-versions' },
      element('thead', {}, element('tr', {}, ['流程', '版本', '部署', '运行中的案件', '案件使用的规则表'].map(t => element('th', { text: t })))),
      element('tbody', {}, processes.map((p, i) => element('tr', { 'data-key': p.key, 'data-version': p.version },
        element('td', { text: (p.name || p.key) + '（' + p.key + '）' }),
        element('td', { text: String(p.version) }),
        deploymentCell(p.deploymentId),
        element('td', { class: 'wb-running', text: String(running[i]) }),
        element('td', { class: 'wb-tables', text: decisions.filter(d => d.deploymentId === p.deploymentId && called[i].has(d.key))
          .map(d => d.key + ' 第 ' + d.version + ' 版').join('、') || '—' }))))),
    element('h4', { text: '规则表版本' }),
    element('table', { class: 'table table-bordered cam-table', id: 'wb-decision-versions' },
      element('thead', {}, element('tr', {}, ['规则表', '版本', '部署', '调用它的流程版本（同一部署）'].map(t => element('th', { text: t })))),
      element('tbody', {}, decisions.map(d => element('tr', { 'data-key': d.key, 'data-version': d.version },
        element('td', { text: (d.name || d.key) + '（' + d.key + '）' }),
        element('td', { text: String(d.version) }),
        deploymentCell(d.deploymentId),
        element('td', { text: processes.filter((p, i) => p.deploymentId === d.deploymentId && called[i].has(d.key))
          .map(p => p.key + ' 第 ' + p.version + ' 版').join('、') || '无（只用于直接试算，案件不使用）' }))))));
}

// ---- 3. compare two versions ----

// Longest common subsequence of two line lists: which lines each side keeps, for marking the changed ones.
function commonLines(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const length = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      length[i * cols + j] = a[i] === b[j] ? length[(i + 1) * cols + j + 1] + 1
        : Math.max(length[(i + 1) * cols + j], length[i * cols + j + 1]);
    }
  }
  const keptA = new Set();
  const keptB = new Set();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      keptA.add(i++);
      keptB.add(j++);
    } else if (length[(i + 1) * cols + j] >= length[i * cols + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return [keptA, keptB];
}

function sideBySide(leftTitle, left, rightTitle, right, render) {
  const [keptLeft, keptRight] = commonLines(left.map(render.key), right.map(render.key));
  const column = (title, items, kept, mark) => element('div', { class: 'col-md-6' },
    element('h4', { text: title }),
    render.container(items.map((item, i) => render.item(item, kept.has(i) ? null : mark))));
  return element('div', { class: 'row wb-compare' },
    column(leftTitle, left, keptLeft, 'wb-removed'), column(rightTitle, right, keptRight, 'wb-added'));
}

function rulesView(table) {
  return {
    key: rule => rule.inputs.join(' | ') + ' => ' + rule.outputs.join(' | '),
    item: (rule, mark) => element('tr', { class: mark },
      rule.inputs.map(t => element('td', { text: t || '-' })), rule.outputs.map(t => element('td', { text: t }))),
    container: rows => element('table', { class: 'table table-bordered table-condensed' },
      element('thead', {}, element('tr', {}, table.inputs.map(i => element('th', { text: '当 ' + i.label })),
        table.outputs.map(o => element('th', { text: '则 ' + o.label })))),
      element('tbody', {}, rows))
  };
}

const xmlView = {
  key: line => line,
  item: (line, mark) => element('div', { class: 'wb-line ' + (mark || '') }, line || ' '),
  container: lines => element('pre', { class: 'wb-xml' }, lines)
};

async function compareSection(api, section) {
  const [processes, decisions] = await Promise.all([
    engine(api, '/process-definition?sortBy=key&sortOrder=asc'),
    engine(api, '/decision-definition?sortBy=key&sortOrder=asc')
  ]);
  const all = processes.map(p => ({ ...p, kind: 'process' })).concat(decisions.map(d => ({ ...d, kind: 'decision' })))
    .sort(byKeyThenVersion);
  const keys = Array.from(new Set(all.map(d => d.kind + ':' + d.key)));
  const keyChooser = element('select', { id: 'wb-compare-key', class: 'form-control' },
    element('option', { value: '', text: '请选择流程或规则表' }),
    keys.map(k => element('option', { value: k, text: (k.startsWith('decision:') ? '规则表 ' : '流程 ') + k.split(':')[1] })));
  const left = element('select', { id: 'wb-compare-left', class: 'form-control' });
  const right = element('select', { id: 'wb-compare-right', class: 'form-control' });
  const output = element('div', { id: 'wb-compare-result' });
  keyChooser.addEventListener('change', () => {
    const versions = all.filter(d => d.kind + ':' + d.key === keyChooser.value);
    for (const select of [left, right]) {
      select.textContent = '';
      versions.forEach(v => select.append(element('option', { value: v.id, text: '第 ' + v.version + ' 版' })));
    }
    if (versions.length > 1) {
      left.selectedIndex = 1;
    }
  });
  const xmlOf = async definition => definition.kind === 'decision'
    ? (await engine(api, '/decision-definition/' + encodeURIComponent(definition.id) + '/xml')).dmnXml
    : (await engine(api, '/process-definition/' + encodeURIComponent(definition.id) + '/xml')).bpmn20Xml;
  const button = element('button', { type: 'button', id: 'wb-compare', class: 'btn btn-default', text: '对比',
    onclick: async () => {
      const a = all.find(d => d.id === left.value);
      const b = all.find(d => d.id === right.value);
      if (!a || !b) {
        return;
      }
      output.textContent = '正在读取……';
      const [xmlA, xmlB] = await Promise.all([xmlOf(a), xmlOf(b)]);
      output.textContent = '';
      if (a.kind === 'decision') {
        const tableA = decisionTable(xmlA, a.key);
        const tableB = decisionTable(xmlB, b.key);
        if (tableA && tableB) {
          output.append(element('h4', { text: '规则（改动的规则标色）' }),
            sideBySide('第 ' + a.version + ' 版', tableA.rules, '第 ' + b.version + ' 版', tableB.rules, rulesView(tableA)));
        }
      }
      output.append(element('h4', { text: 'XML（改动的行标色）' }),
        sideBySide('第 ' + a.version + ' 版', xmlA.split('\n'), '第 ' + b.version + ' 版', xmlB.split('\n'), xmlView));
    } });
  section.append(element('h3', { text: '版本对比' }),
    element('div', { class: 'form-inline' }, keyChooser, ' ', left, ' 对比 ', right, ' ', button), output);
}

const STYLE = `
.wb-page { padding: 15px 20px; }
.wb-page .wb-tabs button { margin-right: 6px; }
.wb-page .wb-form { max-width: 520px; margin: 12px 0; }
.wb-page .wb-removed, .wb-page .wb-removed td { background: #fde2e1; }
.wb-page .wb-added, .wb-page .wb-added td { background: #dff5e1; }
.wb-page .wb-xml { max-height: 480px; overflow: auto; font-size: 11px; white-space: pre; }
.wb-page .wb-line { min-height: 1em; }
`;

function renderPage(node, { api }) {
  const sections = {
    evaluate: ['试算规则表', evaluateSection],
    versions: ['模型版本', versionsSection],
    compare: ['版本对比', compareSection]
  };
  const body = element('div', { id: 'wb-section' });
  const show = async name => {
    body.textContent = '';
    const section = element('div', { id: 'wb-section-' + name });
    body.append(section);
    try {
      await sections[name][1](api, section);
    } catch (error) {
      section.append(element('p', { class: 'alert alert-danger', text: '读取失败：' + error.message }));
    }
  };
  node.append(element('div', { class: 'wb-page' },
    element('style', { text: STYLE }),
    element('h2', { text: '规则工作台' }),
    element('div', { class: 'wb-tabs' }, Object.entries(sections).map(([name, [label]]) =>
      element('button', { type: 'button', class: 'btn btn-default', id: 'wb-tab-' + name, text: label, onclick: () => show(name) }))),
    body));
  show('evaluate');
}

export default [
  {
    id: 'sanlian.analystWorkbench.route',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: '规则工作台' },
    render: renderPage
  },
  {
    id: 'sanlian.analystWorkbench.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: ROUTE },
    render: node => node.append(element('a', { href: '#' + ROUTE, id: 'wb-navigation', text: '规则工作台' }))
  }
];
