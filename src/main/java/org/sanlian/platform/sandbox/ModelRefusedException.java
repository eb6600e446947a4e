package org.sanlian.platform.sandbox;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;

/** A deployment refused by the sandbox: nothing of it is stored. /engine-rest answers 400 naming each element. */
class ModelRefusedException extends ProcessEngineException {

    private final transient List<ModelViolation> violations;

    public ModelRefusedException(List<ModelViolation> violations) {
        super("模型超出沙箱允许范围，未部署 (model refused by the sandbox): " + violations.stream()
                .map(ModelViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<ModelViolation> violations() {
        return violations;
    }
}
