package org.sanlian.platform;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The webapps' engine API (/camunda/api/engine, what Tasklist and Cockpit call) with the same Problem Details
 * mappers as /engine-rest, so a broken rule answers 400 naming the field there too instead of a 500. Camunda's
 * webapp starter registers its servlet "Engine Api" only when none of that name exists; this one is registered
 * first, with Camunda's application plus Sanlian's mappers.
 */
public class EngineRestWebappApplication extends EngineRestApplication {

    static final String SERVLET_NAME = "Engine Api";

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new LinkedHashSet<>(super.getClasses());
        classes.addAll(EngineRestConfig.MAPPERS);
        return classes;
    }

    @Configuration
    static class Registration {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ServletContextInitializer webappEngineApiWithProblemMappers(
                @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
            return servletContext -> {
                if (servletContext.getServletRegistration(SERVLET_NAME) == null) {
                    var servlet = servletContext.addServlet(SERVLET_NAME, ServletContainer.class);
                    servlet.addMapping(webappPath + "/api/engine/*");
                    servlet.setInitParameter("jakarta.ws.rs.Application", EngineRestWebappApplication.class.getName());
                }
            };
        }
    }
}
