package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("issue 13 — typed dates in the usual Chinese forms are read as that day, and nothing else is guessed")
class ChineseDatesTest {

    private static final LocalDate FIFTH_OF_DECEMBER = LocalDate.of(2026, 12, 5);

    @ParameterizedTest(name = "\"{0}\" is 2026-12-05")
    @ValueSource(strings = {"2026-12-05", "2026/12/05", "2026年12月5日", "2026年12月05日", "2026 年 12 月 5 日",
            "2026.12.5", "2026-12-5", "20261205", "２０２６年１２月５日", "2026-12-05T00:00:00.000+0800", " 2026/12/05 ",
            "2026年12月5"})
    void usualChineseForms(String typed) {
        assertThat(ChineseDates.parse(typed)).contains(FIFTH_OF_DECEMBER);
    }

    @ParameterizedTest(name = "\"{0}\" is refused, not turned into another day")
    @ValueSource(strings = {"12/05/2026", "05/12/2026", "2026-02-30", "2026-13-01", "2026年12月", "明天", "12/5",
            "2026-12-05x", "202612055", ""})
    void ambiguousOrImpossibleDatesAreNoDate(String typed) {
        assertThat(ChineseDates.parse(typed)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" can be read only one way")
    @ValueSource(strings = {"25/12/2026", "12/25/2026"})
    void dayFirstOrMonthFirstWhenOnlyOneOrderIsPossible(String typed) {
        assertThat(ChineseDates.parse(typed)).contains(LocalDate.of(2026, 12, 25));
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a refused date is named with the forms that are accepted (Inputs.date)")
    void refusalSaysWhatToType() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Inputs.date("servedOn", "12/05/2026"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026年12月5日");
        assertThat(Inputs.date("servedOn", "2026年12月5日")).isEqualTo(FIFTH_OF_DECEMBER);
    }
}
