package org.sanlian.platform;

import java.util.List;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The /engine-rest Jersey application with Sanlian's exception mappers: engine authorization failures and
 * Sanlian's input validation answer as RFC 9457 Problem Details (403, 400) instead of Camunda's own bodies
 * or a 500; all other errors keep Camunda's status, in the same format.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    /** Also registered on the webapps' engine API (EngineRestWebappApplication). */
    static final List<Class<?>> MAPPERS = List.of(
            EngineRestProblemMappers.ThrowableMapper.class,
            EngineRestProblemMappers.ProcessEngineExceptionMapper.class,
            EngineRestProblemMappers.RestExceptionMapper.class,
            EngineRestProblemMappers.InvalidInputMapper.class,
            EngineRestProblemMappers.JsonMappingMapper.class,
            EngineRestProblemMappers.JsonParseMapper.class);

    @Override
    protected void registerAdditionalResources() {
        MAPPERS.forEach(this::register);
    }
}
