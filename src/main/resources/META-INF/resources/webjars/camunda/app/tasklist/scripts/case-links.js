// Sanlian (issue 13): a case handler's way back to a case, in Tasklist's own sign-on.
//   - 本单位案件 in Tasklist's header opens the case list (/cases.html) in a new tab; 管辖与协查 the network page (/network.html).
//   - Links in task forms to the evidence, documents and case-list pages open in a new tab, so Tasklist keeps the
//     form as it was (typed but not yet saved) while the handler looks at the evidence.
//   - Starting a process says which number it got: 案源编号 for a registered lead, otherwise the business key.
// The pages call /api with the same webapp session: no second login.

const OWN_PAGES = /^\/(evidence|documents|cases|network)\.html$/;

document.addEventListener('click', event => {
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!anchor || event.defaultPrevented) {
    return;
  }
  const url = new URL(anchor.getAttribute('href'), window.location.href);
  if (url.origin === window.location.origin && OWN_PAGES.test(url.pathname)) {
    event.preventDefault();
    event.stopPropagation();
    window.open(url.href, '_blank', 'noopener');
  }
}, true);

// Tasklist confirms a start only with "流程已发起。": the engine's answer to the start form carries the new
// instance's business key (a lead's 案源编号, set by recordLead before the answer), shown here until closed.
const START_FORM = /\/process-definition\/([^/]+)\/submit-form$/;

function showStarted(definitionId, businessKey) {
  document.getElementById('sanlian-started')?.remove();
  const notice = document.createElement('div');
  notice.id = 'sanlian-started';
  notice.setAttribute('role', 'status');
  notice.style.cssText = 'position:fixed;top:60px;right:20px;z-index:2000;background:#e8f5e9;border:1px solid #4caf50;'
    + 'padding:12px 16px;font-size:15px;box-shadow:0 2px 6px rgba(0,0,0,.2);';
  const what = definitionId.startsWith('leadIntake:') ? '案源已登记，案源编号' : '流程已发起，编号';
  const number = document.createElement('strong');
  number.id = 'sanlian-started-number';
  number.textContent = businessKey;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '知道了';
  close.style.marginLeft = '12px';
  close.addEventListener('click', () => notice.remove());
  notice.append(what + '：', number, close);
  document.body.append(notice);
}

const originalOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const match = String(method).toUpperCase() === 'POST' ? START_FORM.exec(String(url).split('?')[0]) : null;
  if (match) {
    this.addEventListener('load', () => {
      if (this.status !== 200) return;
      try {
        const started = JSON.parse(this.responseText);
        if (started.businessKey) showStarted(decodeURIComponent(match[1]), started.businessKey);
      } catch (notJson) {
        // nothing to show
      }
    });
  }
  return originalOpen.call(this, method, url, ...rest);
};

export default [{
  id: 'sanlian.caseList.navbar',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: node => {
    const link = document.createElement('a');
    link.href = '/cases.html';
    link.target = '_blank';
    link.id = 'sanlian-case-list';
    link.textContent = '本单位案件';
    link.title = '本单位案件、我的案件：按当事人、车牌号、案号或案源编号查找';
    link.style.cssText = 'display:inline-block;padding:14px 10px;';
    node.append(link);
  }
}, {
  // 市级+县区: 移送管辖, 报请指定管辖, 提级管辖 and 协查 are asked for on this page; the other side works them in Tasklist
  id: 'sanlian.network.navbar',
  pluginPoint: 'tasklist.navbar.action',
  priority: 90,
  render: node => {
    const link = document.createElement('a');
    link.href = '/network.html';
    link.target = '_blank';
    link.id = 'sanlian-network';
    link.textContent = '管辖与协查';
    link.title = '移送管辖、报请指定管辖、提级管辖，发出协查，查看本单位的管辖事项和协查';
    link.style.cssText = 'display:inline-block;padding:14px 10px;';
    node.append(link);
  }
}];
