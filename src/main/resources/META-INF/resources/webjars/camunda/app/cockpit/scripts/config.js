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
    name: sanlianLocale === 'zh' ? '流程监控' : 'Cockpit',
    vendor: sanlianLocale === 'zh' ? '三联' : 'Sanlian'
  },
  // one available locale: the webapp then ignores the browser's language and shows the chosen one
  locales: {
    availableLocales: [sanlianLocale],
    fallbackLocale: sanlianLocale
  },
  csrfCookieName: 'XSRF-TOKEN',
  customScripts: [
    // 案件监督 (supervision/plugin.js): deadlines of every body, case timelines, statistics
    'scripts/supervision/plugin',
    // 规则工作台 (analyst-workbench.js): test-evaluate, versions in use, compare two versions
    'scripts/analyst-workbench.js'
  ]
};
