package org.sanlian.platform;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The /engine-rest Jersey application with Sanlian's exception mappers: engine authorization failures and
 * Sanlian's input validation answer as RFC 9457 Problem Details (403, 400) instead of Camunda's own bodies
 * or a 500; all other errors keep Camunda's status, in the same format.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(EngineRestProblemMappers.ThrowableMapper.class);
        register(EngineRestProblemMappers.ProcessEngineExceptionMapper.class);
        register(EngineRestProblemMappers.RestExceptionMapper.class);
        register(EngineRestProblemMappers.InvalidInputMapper.class);
        register(EngineRestProblemMappers.JsonMappingMapper.class);
        register(EngineRestProblemMappers.JsonParseMapper.class);
    }
}
