package org.sanlian.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user to the engine for the length of one request, so engine authorization
 * checks (and the "currentUser()" expressions of Tasklist filters) apply to /engine-rest and to the domain
 * API alike.
 */
class CamundaAuthenticationBridge extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final TransactionTemplate transaction;

    public CamundaAuthenticationBridge(IdentityService identityService, PlatformTransactionManager transactions) {
        this.identityService = identityService;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof String userId)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = CamundaIdentityAuthenticationProvider.groupIds(authentication);
        // one transaction: createTenantQuery() is an engine command of its own before the query runs
        List<String> tenants = transaction.execute(status -> identityService.createTenantQuery().userMember(userId)
                .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
        try {
            identityService.setAuthentication(userId, groups, tenants);
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
