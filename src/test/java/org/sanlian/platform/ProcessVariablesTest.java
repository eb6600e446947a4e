package org.sanlian.platform;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 16: a step writes to the process only what changed; Camunda would version an unchanged write in history. */
class ProcessVariablesTest {

    @Test
    @DisplayName("a value the process holds is not written again; a changed one, a new one and one of another type are")
    void onlyChangedValuesAreWritten() {
        VariableScope process = mock(VariableScope.class);
        when(process.hasVariable("violationCode")).thenReturn(true);
        when(process.getVariable("violationCode")).thenReturn("YZ-KY-WZ");
        when(process.hasVariable("finalFine")).thenReturn(true);
        when(process.getVariable("finalFine")).thenReturn(20000);
        when(process.hasVariable("recipient")).thenReturn(true);
        when(process.getVariable("recipient")).thenReturn("甲运输公司");
        when(process.hasVariable("actEndedOn")).thenReturn(true);
        when(process.getVariable("actEndedOn")).thenReturn(null);

        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("violationCode", "YZ-KY-WZ");
        produced.put("finalFine", 20000L);
        produced.put("recipient", "乙运输公司");
        produced.put("investigators", "李明、王芳");
        produced.put("actEndedOn", null);
        ProcessVariables.setChanged(process, produced);

        verify(process, never()).setVariable("violationCode", "YZ-KY-WZ");
        verify(process, never()).setVariable("actEndedOn", null);
        verify(process).setVariable("finalFine", 20000L);
        verify(process).setVariable("recipient", "乙运输公司");
        verify(process).setVariable("investigators", "李明、王芳");
    }
}
