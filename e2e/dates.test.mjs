// Issue 13: the Tasklist script's reading of typed dates (node --test e2e/dates.test.mjs). The same cases as the
// server's ChineseDatesTest: the usual Chinese forms are that day; nothing ambiguous or impossible is guessed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChineseDate, isoDate } from '../src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts/sanlian/dates.js';

test('2026-12-05, 2026/12/05, 2026年12月5日 and the other usual forms are 5 December 2026', () => {
  for (const typed of ['2026-12-05', '2026/12/05', '2026年12月5日', '2026年12月05日', '2026 年 12 月 5 日', '2026.12.5',
    '2026-12-5', '20261205', '２０２６年１２月５日', '2026-12-05T00:00:00.000+0800', ' 2026/12/05 ', '2026年12月5']) {
    const parsed = parseChineseDate(typed);
    assert.ok(parsed, typed);
    assert.equal(isoDate(parsed), '2026-12-05', typed);
  }
});

test('12/05/2026 (5 December or 12 May?), 2026-02-30 and other non-dates are refused, not turned into another day', () => {
  for (const typed of ['12/05/2026', '05/12/2026', '2026-02-30', '2026-13-01', '2026年12月', '明天', '12/5',
    '2026-12-05x', '202612055', '']) {
    assert.equal(parseChineseDate(typed), null, typed);
  }
});

test('an order that can be read only one way is that day: 25/12/2026 and 12/25/2026', () => {
  assert.equal(isoDate(parseChineseDate('25/12/2026')), '2026-12-25');
  assert.equal(isoDate(parseChineseDate('12/25/2026')), '2026-12-25');
});

test('29 February only in a leap year', () => {
  assert.equal(isoDate(parseChineseDate('2028年2月29日')), '2028-02-29');
  assert.equal(parseChineseDate('2026年2月29日'), null);
});
