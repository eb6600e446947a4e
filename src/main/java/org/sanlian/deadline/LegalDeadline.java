package org.sanlian.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A deadline counted in working days for one process instance, kept so it can be counted again. */
@Entity
@Table(name = "legal_deadline")
public class LegalDeadline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id", nullable = false)
    private String processInstanceId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "working_days", nullable = false)
    private int workingDays;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(nullable = false)
    private boolean provisional;

    @Column(name = "due_variable")
    private String dueVariable;

    @Column(name = "task_definition_key")
    private String taskDefinitionKey;

    @Column(nullable = false)
    private boolean active;

    protected LegalDeadline() {
    }

    LegalDeadline(String processInstanceId, String kind, LocalDate startDate, int workingDays, String dueVariable,
            String taskDefinitionKey) {
        this.processInstanceId = processInstanceId;
        this.kind = kind;
        this.startDate = startDate;
        this.workingDays = workingDays;
        this.dueVariable = dueVariable;
        this.taskDefinitionKey = taskDefinitionKey;
        this.active = true;
    }

    void countedAs(LocalDate dueDate, boolean provisional) {
        this.dueDate = dueDate;
        this.provisional = provisional;
    }

    void close() {
        this.active = false;
    }

    /**
     * Writes the process's copies of this deadline: the end of its last day in China as {@code dueVariable}, and
     * {@code dueVariable + "Provisional"} when that day was counted on a provisional calendar or the process holds the
     * flag from an earlier count (so a flag once true is set to false, never left standing). Issue 16: a flag false on
     * nearly every deadline is not stored; a form's {@code {{#if …Provisional}}} reads an absent flag as false.
     */
    public void writeTo(VariableScope scope) {
        scope.setVariable(dueVariable, WorkingDayDeadlines.endOfDay(dueDate));
        if (provisional || scope.hasVariable(provisionalVariable())) {
            scope.setVariable(provisionalVariable(), provisional);
        }
    }

    /** The copies written when the deadline is counted again: the due date, and the flag always, true or false. */
    Map<String, Object> recountedVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(dueVariable, WorkingDayDeadlines.endOfDay(dueDate));
        variables.put(provisionalVariable(), provisional);
        return variables;
    }

    private String provisionalVariable() {
        return dueVariable + "Provisional";
    }

    public Long getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getKind() {
        return kind;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public int getWorkingDays() {
        return workingDays;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public boolean isProvisional() {
        return provisional;
    }

    public String getDueVariable() {
        return dueVariable;
    }

    public String getTaskDefinitionKey() {
        return taskDefinitionKey;
    }

    public boolean isActive() {
        return active;
    }
}
