// Sanlian: Simplified Chinese by default, English selectable.
// Open any webapp with ?lang=en (or ?lang=zh) once; the choice is kept in this browser for all four webapps.
const sanlianLocale = (function () {
  const chosen = new URLSearchParams(window.location.search).get('lang');
  if (chosen === 'zh' || chosen === 'en') {
    window.localStorage.setItem('sanlianLocale', chosen);
  }
  return window.localStorage.getItem('sanlianLocale') || 'zh';
})();

export default {
  app: {
    name: sanlianLocale === 'zh' ? '任务列表' : 'Tasklist',
    vendor: sanlianLocale === 'zh' ? '三联' : 'Sanlian'
  },
  // one available locale: the webapp then ignores the browser's language and shows the chosen one
  locales: {
    availableLocales: [sanlianLocale],
    fallbackLocale: sanlianLocale
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '定位到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '定位到任务列表的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '定位到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  },
  // dates as Chinese officers write them (the tooltip of "3 天后" then reads 2026-12-08 23:59)
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm dddd'
  },
  customScripts: [
    // form-js strings and the date picker in Chinese, typed dates read the Chinese ways, due dates as dates
    'scripts/sanlian/chinese.js',
    // 本单位案件 in the header; evidence, documents and case-list links open in a new tab (issue 13)
    'scripts/case-links.js'
  ],
  csrfCookieName: 'XSRF-TOKEN'
};
