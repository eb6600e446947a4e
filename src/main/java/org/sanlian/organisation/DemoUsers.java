package org.sanlian.organisation;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's users ({@code sanlian.demo.users}, application-demo.yaml), all with the demo password: a
 * Camunda user in the body's group, its role's group and its duty group, and an officer record. Runs at every start
 * of the demo profile and adds only what is missing. Never active in production (profile mariadb alone).
 */
@Component
@Order(20)
@Profile("demo")
class DemoUsers implements ApplicationRunner {

    private final IdentityService identityService;
    private final OfficerRepository officers;
    private final DemoSettings settings;

    public DemoUsers(IdentityService identityService, OfficerRepository officers, DemoSettings settings) {
        this.identityService = identityService;
        this.officers = officers;
        this.settings = settings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Map.Entry<String, DemoSettings.User> entry : settings.users().entrySet()) {
            String id = entry.getKey();
            DemoSettings.User demo = entry.getValue();
            if (identityService.createUserQuery().userId(id).count() == 0) {
                User user = identityService.newUser(id);
                // the webapps print "first last": the family name goes first so that 李明 reads as 李 明, not 明 李
                user.setFirstName(demo.familyName());
                user.setLastName(demo.givenName());
                user.setEmail(id + "@sanlian.example");
                user.setPassword(settings.password());
                identityService.saveUser(user);
                identityService.createMembership(id, demo.organisation());
                identityService.createMembership(id, demo.role().groupId());
                String dutyGroup = demo.role().dutyGroupId(demo.organisation());
                if (identityService.createGroupQuery().groupId(dutyGroup).count() > 0) {
                    identityService.createMembership(id, dutyGroup);
                }
            }
            if (!officers.existsById(id)) {
                String certificate = demo.certificate() == null || demo.certificate().isBlank() ? null
                        : demo.certificate();
                officers.save(new Officer(id, demo.familyName() + demo.givenName(), demo.organisation(), demo.role(),
                        certificate));
            }
        }
    }
}
