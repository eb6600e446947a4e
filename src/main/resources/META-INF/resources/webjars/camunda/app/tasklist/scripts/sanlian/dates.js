// Sanlian: a typed date as Chinese officers write it — 2026-12-05, 2026/12/05, 2026.12.5, 2026年12月5日, 20261205
// (full-width digits too). Nothing is guessed: a day that does not exist (2026-02-30) or an order that cannot be
// told (12/05/2026: 5 December or 12 May?) is no date, and the form says so instead of keeping another day.
// The same rules as the server's org.sanlian.platform.ChineseDates; tested by e2e/dates.test.mjs (node --test).

const YEAR_FIRST = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_LAST = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/;

function halfWidth(text) {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/／/g, '/').replace(/－/g, '-').replace(/．/g, '.').replace(/\u3000/g, ' ');
}

function day(year, month, date) {
  const y = Number(year);
  const m = Number(month);
  const d = Number(date);
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) {
    return null;
  }
  return { year: y, month: m, day: d };
}

/** {year, month, day} of a typed date, or null when it is none or could be read two ways. */
export function parseChineseDate(text) {
  if (typeof text !== 'string') {
    return null;
  }
  const value = halfWidth(text).trim();
  let match = YEAR_FIRST.exec(value) || COMPACT.exec(value);
  if (match) {
    return day(match[1], match[2], match[3]);
  }
  match = YEAR_LAST.exec(value);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first <= 12 && second <= 12 && first !== second) {
      return null;
    }
    return first > 12 ? day(match[3], match[2], match[1]) : day(match[3], match[1], match[2]);
  }
  return null;
}

/** ISO 2026-12-05 of a parsed date. */
export function isoDate(parsed) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${parsed.year}-${pad(parsed.month)}-${pad(parsed.day)}`;
}

export const EXPECTED = '日期无法识别，请按 2026-12-05、2026/12/05 或 2026年12月5日 填写';

export default [];
