package org.sanlian.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda sends /camunda/app/tasklist/ on to /camunda/app/tasklist/default/ and drops the query, so a link with
 * {@code ?lang=en} (README) lost the language choice the webapps' config.js reads from it. This redirect goes to
 * the default engine's page itself and keeps the query.
 */
class WebappLocaleRedirect extends OncePerRequestFilter {

    private final Pattern appWithoutEngine;
    private final String webappPath;

    WebappLocaleRedirect(String webappPath) {
        this.webappPath = webappPath;
        this.appWithoutEngine = Pattern.compile("^" + Pattern.quote(webappPath) + "/app/(tasklist|cockpit|admin|welcome)/?$");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher app = appWithoutEngine.matcher(path);
        String query = request.getQueryString();
        if ("GET".equals(request.getMethod()) && app.matches() && query != null && !query.isBlank()) {
            response.sendRedirect(request.getContextPath() + webappPath + "/app/" + app.group(1) + "/default/?" + query);
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<WebappLocaleRedirect> webappLocaleRedirect(
                @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
            FilterRegistrationBean<WebappLocaleRedirect> registration =
                    new FilterRegistrationBean<>(new WebappLocaleRedirect(webappPath));
            registration.addUrlPatterns(webappPath + "/app/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }
    }
}
