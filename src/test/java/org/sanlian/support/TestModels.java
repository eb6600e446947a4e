package org.sanlian.support;

/** Small deployable BPMN models that tests write inline: one process, start → (one step) → end. */
public final class TestModels {

    private TestModels() {
    }

    /**
     * A process that runs start → {@code stepXml} → end; {@code stepXml} is one flow node (a user task, a service
     * task …) whose id is {@code stepId}. A history time-to-live of one day, as every model needs.
     */
    public static String withOneStep(String processId, String processName, String stepId, String stepXml) {
        return definitions(processId, processName, """
                    <startEvent id="start" />
                    <sequenceFlow id="toStep" sourceRef="start" targetRef="%1$s" />
                    %2$s
                    <sequenceFlow id="toEnd" sourceRef="%1$s" targetRef="end" />
                    <endEvent id="end" />
                """.formatted(stepId, stepXml));
    }

    /** A process that runs start → end. */
    public static String startToEnd(String processId, String processName) {
        return definitions(processId, processName, """
                    <startEvent id="start" />
                    <sequenceFlow id="flow" sourceRef="start" targetRef="end" />
                    <endEvent id="end" />
                """);
    }

    private static String definitions(String processId, String processName, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://sanlian.example/test">
                  <process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="1">
                %s  </process>
                </definitions>
                """.formatted(processId, processName, body);
    }
}
