package org.sanlian.platform;

import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether the engine may build an object of a class, by its name: the engine's own deserialization type validator
 * ({@code camunda.bpm.generic-properties.properties.deserialization-type-validation-enabled}, with Camunda's
 * allowed classes and packages, or the ones configured beside it), so the REST check that refuses a variable and
 * the engine that would read it apply one list. With validation switched off, every class is allowed, as the
 * engine would then allow it.
 */
@Component
public class DeserializableTypes implements Predicate<String> {

    private final ObjectProvider<ProcessEngine> engine;
    private volatile DeserializationTypeValidator validator;

    DeserializableTypes(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    public boolean test(String className) {
        DeserializationTypeValidator known = validator;
        if (known == null) {
            ProcessEngineConfigurationImpl configuration =
                    (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
            if (!configuration.isDeserializationTypeValidationEnabled()) {
                return true;
            }
            known = configuration.getDeserializationTypeValidator();
            validator = known;
        }
        return known.validate(className);
    }
}
