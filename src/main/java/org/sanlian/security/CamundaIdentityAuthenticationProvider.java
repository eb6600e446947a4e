package org.sanlian.security;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.sanlian.organisation.EnforcementNetworks;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, so the webapps, /engine-rest and the
 * domain API share one set of users. The user's Camunda groups become authorities {@code GROUP_<id>}, and a legal
 * supervisor's city network authorities {@code SUPERVISES_<body>} (see {@link Visibility}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    public static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;
    private final TransactionTemplate transaction;
    private final EnforcementNetworks networks;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService,
            PlatformTransactionManager transactions, EnforcementNetworks networks) {
        this.identityService = identityService;
        this.networks = networks;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The password and the user's groups, read in one transaction: each engine call would otherwise open its own,
     * and {@code createGroupQuery()} is an engine command of its own before the query runs (issue 16: the password
     * check, {@code createGroupQuery()} and its {@code list()} were three transactions, one of them empty).
     */
    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        List<SimpleGrantedAuthority> authorities = userId == null || credentials == null ? null
                : transaction.execute(status -> !identityService.checkPassword(userId, credentials.toString()) ? null
                        : groupAuthorities(identityService, networks, userId));
        if (authorities == null) {
            throw new BadCredentialsException("用户名或密码错误 (bad credentials)");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /**
     * The user's Camunda groups as they are now, as authorities {@code GROUP_<id>}, and the bodies a legal supervisor
     * supervises (their own city's network) as {@code SUPERVISES_<code>}.
     */
    static List<SimpleGrantedAuthority> groupAuthorities(IdentityService identityService,
            EnforcementNetworks networks, String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        return Stream.concat(groups.stream().map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id)),
                networks.bodiesSupervisedBy(groups).stream()
                        .map(code -> new SimpleGrantedAuthority(Visibility.SUPERVISES_PREFIX + code)))
                .toList();
    }

    /** The Camunda group ids of an authenticated user, read back from the authorities. */
    public static List<String> groupIds(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length()))
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
