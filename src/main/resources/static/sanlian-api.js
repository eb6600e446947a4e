// The pages Tasklist links to (证据材料, 执法文书, 本单位案件) call /api in the webapps' session: the cookie of the
// Tasklist login, and for writes the CSRF token the webapps hand out. No second login: without a session the
// page says so and links to Tasklist's login.
const sanlianApi = (function () {
  // the webapps keep their CSRF token in a cookie of /camunda only: the session hands it to our pages
  let session = null;
  async function csrfToken() {
    if (session === null) {
      const response = await fetch('/api/session', { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
      session = response.ok ? await response.json() : {};
    }
    return session.csrfToken || null;
  }

  function signInNotice() {
    if (document.getElementById('sanlian-sign-in')) return;
    const notice = document.createElement('p');
    notice.id = 'sanlian-sign-in';
    notice.style.cssText = 'background:#fff4e5;border:1px solid #e0a040;padding:.6rem 1rem;';
    notice.append('尚未登录或登录已过期：请先');
    const link = document.createElement('a');
    link.href = '/camunda/app/tasklist/default/';
    link.textContent = '登录任务列表';
    notice.append(link, '，再刷新本页。');
    document.body.prepend(notice);
  }

  async function call(url, options) {
    const init = Object.assign({ credentials: 'same-origin' }, options || {});
    const headers = new Headers(init.headers || {});
    headers.set('X-Requested-With', 'XMLHttpRequest');
    headers.set('Accept', 'application/json, application/problem+json');
    const method = (init.method || 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      const token = await csrfToken();
      if (token) headers.set('X-XSRF-TOKEN', token);
    }
    init.headers = headers;
    let response;
    try {
      response = await fetch(url, init);
    } catch (offline) {
      return { ok: false, status: 0, json: async () => ({ detail: '无法连接服务器' }) };
    }
    if (response.status === 401) signInNotice();
    return response;
  }

  // A list or record a page shows: { ok: true, data } or { ok: false, status, message } with the message in Chinese,
  // never thrown, so that each section of a page says what became of its own request (none stays at 加载中…).
  // Another body's case is 404 as one that does not exist: the message says both.
  const reasons = { 0: '无法连接服务器', 401: '尚未登录或登录已过期', 403: '无权查看', 404: '不存在或无权查看' };
  async function read(url, what) {
    let response;
    try {
      response = await call(url);
    } catch (failed) {
      return { ok: false, status: 0, message: '无法读取' + what + '：无法连接服务器' };
    }
    if (response.ok) {
      try {
        return { ok: true, status: response.status, data: await response.json() };
      } catch (notJson) {
        return { ok: false, status: response.status, message: '无法读取' + what + '：服务器的答复无法识别' };
      }
    }
    const reason = reasons[response.status] || (response.status >= 500 ? '服务器出错' : '请求被拒绝');
    return { ok: false, status: response.status,
      message: '无法读取' + what + '：' + reason + (response.status ? '（HTTP ' + response.status + '）' : '') };
  }

  // a moment as every page and document writes it, in China's time whatever the browser's zone: 2026-12-07 07:26
  const chinaMinute = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit' });
  function chinaTime(instant) {
    return instant ? chinaMinute.format(new Date(instant)) : '';
  }

  return { call, read, chinaTime };
})();
