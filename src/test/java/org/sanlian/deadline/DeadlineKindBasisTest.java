package org.sanlian.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What supervision shows as a deadline's basis is the law or a local rule, never a file of ours. */
@DisplayName("Each deadline kind's basis, as supervisors read it, cites the law or says it is a local rule")
class DeadlineKindBasisTest {

    @Test
    @DisplayName("no basis cites domain.md; each names a law in 书名号 or says 本地规定")
    void basisIsTheLawOrALocalRule() {
        for (DeadlineKind kind : DeadlineKind.values()) {
            assertThat(kind.basis()).as(kind.name()).doesNotContain("domain.md")
                    .satisfiesAnyOf(basis -> assertThat(basis).contains("《"), basis -> assertThat(basis).contains("本地规定"));
        }
    }
}
