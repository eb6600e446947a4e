package org.sanlian.document;

import java.time.Period;

/** A configured period as a decision writes it (行政处罚法 Art. 59): P15D → 十五日, P60D → 六十日, P6M → 六个月. */
final class PeriodWords {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private PeriodWords() {
    }

    static String of(Period period) {
        StringBuilder words = new StringBuilder();
        if (period.getYears() > 0) {
            words.append(number(period.getYears())).append("年");
        }
        if (period.getMonths() > 0) {
            words.append(number(period.getMonths())).append("个月");
        }
        if (period.getDays() > 0 || words.isEmpty()) {
            words.append(number(period.getDays())).append("日");
        }
        return words.toString();
    }

    /** 0–9999 in Chinese numerals as dates and periods are written: 十五, 六十, 一百二十. */
    static String number(int n) {
        if (n < 10) {
            return DIGITS[n];
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        String[] units = {"", "十", "百", "千"};
        StringBuilder words = new StringBuilder();
        String digits = Integer.toString(n);
        boolean zero = false;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            int unit = digits.length() - 1 - i;
            if (digit == 0) {
                zero = true;
                continue;
            }
            if (zero) {
                words.append("零");
                zero = false;
            }
            words.append(DIGITS[digit]).append(units[unit]);
        }
        return words.toString();
    }
}
