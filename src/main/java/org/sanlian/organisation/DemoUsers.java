package org.sanlian.organisation;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo users of the default profile, all with password {@code demo}. Certificate numbers are made up
 * for the demo. Never active in the mariadb profile.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "sanlian.demo-data.enabled", havingValue = "true")
public class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo";

    record DemoUser(String id, String lastName, String firstName, String organisation, Role role,
            String certificateNumber) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("xfhandler1", "李", "明", "xifeng", Role.HANDLER, "62100220230011"),
            new DemoUser("xfhandler2", "王", "芳", "xifeng", Role.HANDLER, "62100220230012"),
            new DemoUser("xfhead", "张", "建国", "xifeng", Role.HEAD, "62100220190003"),
            new DemoUser("qchandler1", "赵", "磊", "qingcheng", Role.HANDLER, "62102120240021"),
            new DemoUser("qchead", "陈", "志强", "qingcheng", Role.HEAD, "62102120180002"),
            new DemoUser("cityhead", "马", "骏", "qycity", Role.HEAD, "62100020160002"),
            new DemoUser("cityreviewer", "刘", "婷", "qylegal", Role.LEGAL_REVIEWER, "62100020200007"),
            new DemoUser("citysupervisor", "杨", "帆", "qylegal", Role.LEGAL_SUPERVISOR, "62100020170001"),
            new DemoUser("bureau1", "周", "敏", "xfbureau", Role.BUREAU_OFFICER, null),
            new DemoUser("police1", "吴", "刚", "xfpolice", Role.TRAFFIC_POLICE, null),
            new DemoUser("analyst", "孙", "悦", "qycity", Role.ANALYST, null),
            // every enforcement body of domain.md §9 has a head and a handler, so no task goes to an empty group
            new DemoUser("cityhandler1", "何", "伟", "qycity", Role.HANDLER, "62100020210013"),
            new DemoUser("hxhead", "高", "峰", "huanxian", Role.HEAD, "62102220170004"),
            new DemoUser("hxhandler1", "罗", "强", "huanxian", Role.HANDLER, "62102220220031"),
            new DemoUser("hchead", "郑", "光明", "huachi", Role.HEAD, "62102320180005"),
            new DemoUser("hchandler1", "梁", "勇", "huachi", Role.HANDLER, "62102320230032"),
            new DemoUser("hshead", "谢", "宏", "heshui", Role.HEAD, "62102420160006"),
            new DemoUser("hshandler1", "宋", "涛", "heshui", Role.HANDLER, "62102420210033"),
            new DemoUser("znhead", "唐", "文", "zhengning", Role.HEAD, "62102520190007"),
            new DemoUser("znhandler1", "许", "亮", "zhengning", Role.HANDLER, "62102520220034"),
            new DemoUser("nxhead", "韩", "斌", "ningxian", Role.HEAD, "62102620170008"),
            new DemoUser("nxhandler1", "冯", "军", "ningxian", Role.HANDLER, "62102620230035"),
            new DemoUser("zyhead", "董", "立新", "zhenyuan", Role.HEAD, "62102720180009"),
            new DemoUser("zyhandler1", "程", "鹏", "zhenyuan", Role.HANDLER, "62102720210036"));

    private final IdentityService identityService;
    private final OfficerRepository officers;

    public DemoUsers(IdentityService identityService, OfficerRepository officers) {
        this.identityService = identityService;
        this.officers = officers;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                // the webapps print "first last": the family name goes first so that 李明 reads as 李 明, not 明 李
                user.setFirstName(demo.lastName());
                user.setLastName(demo.firstName());
                user.setEmail(demo.id() + "@sanlian.example");
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
                identityService.createMembership(demo.id(), demo.organisation());
                identityService.createMembership(demo.id(), demo.role().groupId());
                if (hasDutyGroup(demo)) {
                    identityService.createMembership(demo.id(), demo.role().dutyGroupId(demo.organisation()));
                }
            }
            if (!officers.existsById(demo.id())) {
                officers.save(new Officer(demo.id(), demo.lastName() + demo.firstName(), demo.organisation(),
                        demo.role(), demo.certificateNumber()));
            }
        }
    }

    private boolean hasDutyGroup(DemoUser demo) {
        return identityService.createGroupQuery().groupId(demo.role().dutyGroupId(demo.organisation())).count() > 0;
    }
}
