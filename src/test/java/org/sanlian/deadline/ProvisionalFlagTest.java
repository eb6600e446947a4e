package org.sanlian.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * domain.md §11: a deadline counted on a calendar whose State Council arrangement is not yet published is provisional,
 * and the forms say so ({@code {{#if verificationDueProvisional}}}). Issue 16: the flag is stored only where it says
 * something — while it is true, or to turn a flag of an earlier count false — not as a false copy on every deadline.
 */
@DisplayName("domain.md §11, issue 16: a deadline's provisional flag is stored while true, and a stored one is set false, never left standing")
class ProvisionalFlagTest {

    private static LegalDeadline counted(boolean provisional) {
        LegalDeadline deadline = new LegalDeadline("instance", "statementWindow", LocalDate.of(2026, 12, 7), 5,
                "statementDue", "statementAndRecheck");
        deadline.countedAs(LocalDate.of(2026, 12, 14), provisional);
        return deadline;
    }

    @Test
    @DisplayName("counted on a published calendar: the due date is written, no flag")
    void finalCountWritesNoFlag() {
        VariableScope process = mock(VariableScope.class);
        counted(false).writeTo(process);
        verify(process).setVariable("statementDue", WorkingDayDeadlines.endOfDay(LocalDate.of(2026, 12, 14)));
        verify(process, never()).setVariable(eq("statementDueProvisional"), any());
    }

    @Test
    @DisplayName("counted on a provisional calendar: the flag is written true")
    void provisionalCountWritesTheFlag() {
        VariableScope process = mock(VariableScope.class);
        counted(true).writeTo(process);
        verify(process).setVariable("statementDueProvisional", true);
    }

    @Test
    @DisplayName("a final count where an earlier count left the flag true sets it false")
    void finalCountAfterAProvisionalOneClearsTheFlag() {
        VariableScope process = mock(VariableScope.class);
        when(process.hasVariable(anyString())).thenReturn(false);
        when(process.hasVariable("statementDueProvisional")).thenReturn(true);
        counted(false).writeTo(process);
        verify(process).setVariable("statementDueProvisional", false);
    }

    @Test
    @DisplayName("counted again when the arrangement is entered: the flag is written whatever it is")
    void recountAlwaysWritesTheFlag() {
        assertThat(counted(false).recountedVariables()).containsEntry("statementDueProvisional", false);
        assertThat(counted(true).recountedVariables()).containsEntry("statementDueProvisional", true);
    }
}
