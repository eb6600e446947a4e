package org.sanlian.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Dates in the notes a document prints are written as the document writes its own dates. */
@DisplayName("documents write the days in recorded notes as 2026年11月25日, never ISO beside their own dates")
class DocumentDatesTest {

    private final DocumentDates dates = new DocumentDates();

    @Test
    @DisplayName("each ISO day of a note becomes a Chinese date; numbers that only look like one, and impossible days, stay as they are")
    void isoDaysInANote() {
        assertThat(dates.inText("送达于 2026-11-25；听证定于 2026-12-07 09:30"))
                .isEqualTo("送达于 2026年11月25日；听证定于 2026年12月7日 09:30");
        assertThat(dates.inText("票据号 12026-11-250，日期 2026-02-30")).isEqualTo("票据号 12026-11-250，日期 2026-02-30");
        assertThat(dates.inText(null)).isEmpty();
    }
}
