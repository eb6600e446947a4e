// Sanlian: no English for a Chinese user in Tasklist (issue 13), and each step's due date as a date.
// Loaded by ../config.js (customScripts). Camunda Forms (form-js 1.8.7, bundled in Tasklist 7.24) have no
// translations of their own, so this script:
//   1. puts form-js's fixed English texts ("Select", "Search", "Field is required.", "Field must match pattern …")
//      into Chinese as they appear, a pattern failure explained in words instead of the regular expression;
//   2. gives the date picker (flatpickr, which form-js uses and leaves on window.flatpickr) Chinese months and
//      weekdays, shows dates as 2026-12-05, and reads typed dates with dates.js — 2026-12-05, 2026/12/05,
//      2026年12月5日 — saying so when a typed text is no date instead of silently keeping another day;
//   3. writes each task's due date as a date beside Tasklist's "3 天后", with the working days left (from the
//      working-day calendar, /api/calendar/working-days-left, read with the Tasklist session).
import { parseChineseDate, EXPECTED } from './dates.js';

const TEXTS = new Map([
  ['Field is required.', '此项为必填项。'],
  ['Select', '请选择'],
  ['Search', '搜索'],
  ['No results', '没有匹配的选项'],
  ['All values selected', '已全部选择'],
  ['Field must be a valid email.', '请填写有效的电子邮箱地址。']
]);

const RULES = [
  [/^Field must match pattern ([\s\S]*)\.$/, (m) => patternInWords(m[1])],
  [/^Field must have minimum value of (.*)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `至少填写 ${m[1]} 个字。`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `不能超过 ${m[1]} 个字。`],
  [/^Field must be a valid\s+international phone number[\s\S]*$/, () => '请填写有效的电话号码（含国际区号）。']
];

/** The forms' identifier patterns in words, as the server says them (platform/forms/FormRules). */
export function patternInWords(pattern) {
  if (pattern.includes('京津沪')) {
    return '车牌号码格式不正确，应为省份简称、发证机关字母和 5 至 6 位字母或数字，如 甘M12345。';
  }
  if (pattern.includes('\\d{17}')) {
    return '应为 18 位公民身份号码（末位可为 X）或 18 位统一社会信用代码。';
  }
  if (pattern.includes('0-9A-HJ-NPQRTUWXY')) {
    return '应为 18 位统一社会信用代码（数字和大写字母，不含 I、O、S、V、Z）。';
  }
  return '格式不正确。';
}

/** The Chinese for one of form-js's English texts, or null when the text is none of them. */
export function chineseFor(text) {
  const trimmed = text.trim();
  if (TEXTS.has(trimmed)) {
    return text.replace(trimmed, TEXTS.get(trimmed));
  }
  for (const [rule, words] of RULES) {
    const match = rule.exec(trimmed);
    if (match) {
      return words(match);
    }
  }
  return null;
}

const PLACEHOLDERS = new Map([['Search', '搜索'], ['Select', '请选择']]);
const DATE_PLACEHOLDER = '如 2026-12-05';

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const chinese = node.data && node.data.trim() ? chineseFor(node.data) : null;
    if (chinese !== null && chinese !== node.data) {
      node.data = chinese;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    translateNode(text);
  }
  for (const input of [node, ...node.querySelectorAll('input[placeholder], textarea[placeholder]')]) {
    if (!input.getAttribute || !input.hasAttribute('placeholder')) {
      continue;
    }
    const placeholder = input.getAttribute('placeholder');
    if (input.closest && input.closest('.fjs-datepicker') && placeholder !== DATE_PLACEHOLDER) {
      input.setAttribute('placeholder', DATE_PLACEHOLDER);
    } else if (PLACEHOLDERS.has(placeholder)) {
      input.setAttribute('placeholder', PLACEHOLDERS.get(placeholder));
    }
  }
  node.querySelectorAll('[am-time-ago="task.due"]').forEach(showDueDate);
  if (node.matches && node.matches('[am-time-ago="task.due"]')) {
    showDueDate(node);
  }
}

// ---- the date picker ----------------------------------------------------------------------------------------

const CHINESE_CALENDAR = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时制',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  amPM: ['上午', '下午'],
  ordinal: () => ''
};

/** A flatpickr plugin: dates written 2026-12-05 and typed ones read the Chinese ways, never guessed. */
function chineseDates(picker) {
  picker.config.dateFormat = 'Y-m-d';
  return {
    parseDate(text) {
      const parsed = parseChineseDate(text);
      return parsed ? new Date(parsed.year, parsed.month - 1, parsed.day) : undefined;
    }
  };
}

function configure(flatpickr) {
  if (!flatpickr || flatpickr.sanlian) {
    return;
  }
  flatpickr.sanlian = true;
  flatpickr.localize(CHINESE_CALENDAR);
  flatpickr.setDefaults({ plugins: [chineseDates] });
}

if (window.flatpickr) {
  configure(window.flatpickr);
} else {
  // form-js's bundle sets window.flatpickr when its module first runs
  let current;
  Object.defineProperty(window, 'flatpickr', {
    configurable: true,
    get: () => current,
    set: (value) => {
      current = value;
      configure(value);
    }
  });
}

/** What was last typed into each date field: flatpickr empties the field when the text is no date. */
const typedDates = new WeakMap();

function isDateInput(target) {
  return target instanceof HTMLInputElement && target.closest('.fjs-datepicker') !== null;
}

// only what the person typed: flatpickr announces its own emptying of the field with an input event too
document.addEventListener('input', (event) => {
  if (event.isTrusted && isDateInput(event.target)) {
    typedDates.set(event.target, event.target.value.trim());
  }
}, true);

/** A typed text that is no date: the field is emptied, so the form says what was typed and why. */
function checkTypedDate(event) {
  const input = event.target;
  if (!isDateInput(input)) {
    return;
  }
  const field = input.closest('.fjs-form-field') || input.parentElement;
  const shown = input.value.trim();
  const typed = shown && parseChineseDate(shown) ? shown : (shown || typedDates.get(input) || '');
  if (shown && parseChineseDate(shown)) {
    typedDates.set(input, shown);
  }
  let notice = field.querySelector('.sanlian-date-error');
  if (!typed || parseChineseDate(typed)) {
    if (notice) {
      notice.remove();
    }
    return;
  }
  if (!notice) {
    notice = document.createElement('div');
    notice.className = 'fjs-form-field-error sanlian-date-error';
    field.append(notice);
  }
  notice.textContent = `“${typed}”${EXPECTED}。`;
}

document.addEventListener('focusout', checkTypedDate, true);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    checkTypedDate(event);
  }
}, true);

// ---- due dates as dates -------------------------------------------------------------------------------------

const workingDaysLeft = new Map();

/** Today as the due dates are written (2026-12-07), in the officer's own time zone. */
function todayText() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function leftUntil(due) {
  if (!workingDaysLeft.has(due)) {
    workingDaysLeft.set(due, fetch(`/api/calendar/working-days-left?due=${due}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    }).then((response) => (response.ok ? response.json() : null)).catch(() => null));
  }
  return workingDaysLeft.get(due);
}

function dueOf(element) {
  const shown = element.getAttribute('uib-tooltip') || '';
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(shown);
  const chinese = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(shown);
  const parts = iso || chinese;
  return parts ? parseChineseDate(`${parts[1]}-${parts[2]}-${parts[3]}`) : null;
}

function showDueDate(element) {
  const parsed = dueOf(element);
  if (!parsed) {
    return;
  }
  const due = `${parsed.year}-${String(parsed.month).padStart(2, '0')}-${String(parsed.day).padStart(2, '0')}`;
  let line = element.nextElementSibling;
  if (!line || !line.classList.contains('sanlian-due')) {
    line = document.createElement('span');
    line.className = 'sanlian-due';
    element.insertAdjacentElement('afterend', line);
  }
  if (line.dataset.due === due) {
    return;
  }
  line.dataset.due = due;
  line.textContent = `（${due} 到期）`;
  leftUntil(due).then((left) => {
    if (!left || line.dataset.due !== due) {
      return;
    }
    const provisional = left.provisional ? '，按暂定日历计算' : '';
    line.textContent = left.overdue ? `（${due} 到期，已超期）`
      : left.workingDaysLeft === 0 && due === todayText() ? `（${due} 今日到期${provisional}）`
        : left.workingDaysLeft === 0 ? `（${due} 到期，此前已无工作日${provisional}）`
        : `（${due} 到期，还有 ${left.workingDaysLeft} 个工作日${provisional}）`;
  });
}

// ---- watching the page --------------------------------------------------------------------------------------

function watch() {
  translateNode(document.body);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateNode(mutation.target);
      } else if (mutation.type === 'attributes') {
        translateNode(mutation.target);
      } else {
        mutation.addedNodes.forEach(translateNode);
      }
    }
  }).observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ['placeholder', 'uib-tooltip']
  });
}

if (document.body) {
  watch();
} else {
  document.addEventListener('DOMContentLoaded', watch);
}

export default [];
