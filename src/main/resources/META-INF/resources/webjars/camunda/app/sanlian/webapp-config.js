// Sanlian: what the config.js of all four webapps (admin, cockpit, tasklist, welcome) share, imported by each.
// Simplified Chinese by default, English selectable: open any webapp with ?lang=en (or ?lang=zh) once; the
// choice is kept in this browser for all four webapps.
export const sanlianLocale = (function () {
  const chosen = new URLSearchParams(window.location.search).get('lang');
  if (chosen === 'zh' || chosen === 'en') {
    window.localStorage.setItem('sanlianLocale', chosen);
  }
  return window.localStorage.getItem('sanlianLocale') || 'zh';
})();

// A webapp's configuration: its name in the chosen language, the vendor, the one locale, and what it adds itself.
export function webappConfig(chineseName, englishName, own = {}) {
  return {
    app: {
      name: sanlianLocale === 'zh' ? chineseName : englishName,
      vendor: sanlianLocale === 'zh' ? '三联' : 'Sanlian'
    },
    // one available locale: the webapp then ignores the browser's language and shows the chosen one
    locales: {
      availableLocales: [sanlianLocale],
      fallbackLocale: sanlianLocale
    },
    csrfCookieName: 'XSRF-TOKEN',
    ...own
  };
}
