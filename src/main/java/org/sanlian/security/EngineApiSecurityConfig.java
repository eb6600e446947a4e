package org.sanlian.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.sanlian.platform.DeserializableTypes;
import org.sanlian.platform.forms.FormSubmissions;
import org.sanlian.platform.forms.StartFormOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Puts {@link EngineApiGuard} in front of both engine APIs. It runs after Spring Security (order -100), which
 * has authenticated /engine-rest callers by then; the webapps' callers come from their session. Cockpit's plugin
 * API passes through it only for the analyst's value-filter rule. An upload through the engine API (multipart) has the
 * domain API's limit, {@code spring.servlet.multipart.max-request-size}.
 */
@Configuration
class EngineApiSecurityConfig {

    @Bean
    FilterRegistrationBean<EngineApiGuard> engineApiGuard(FormSubmissions forms, StartFormOptions startForms, EngineApiFacts facts,
            DeserializableTypes deserializable, ProcessEngine engine,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
            @Value("${spring.servlet.multipart.max-request-size:21MB}") DataSize maxUpload) {
        FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(new EngineApiGuard(webappPath,
                forms, startForms, facts, deserializable, new RunningTaskRecords(engine), maxUpload.toBytes()));
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*", webappPath + "/api/cockpit/*");
        registration.setName("sanlianEngineApiGuard");
        registration.setOrder(0);
        return registration;
    }
}
