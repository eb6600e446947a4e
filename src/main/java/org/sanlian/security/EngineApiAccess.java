package org.sanlian.security;

import static org.sanlian.security.EngineApiAccess.Audience.ANALYST;
import static org.sanlian.security.EngineApiAccess.Audience.SUPERVISOR;
import static org.sanlian.security.EngineApiAccess.Audience.WORKER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what on Camunda's REST API — /engine-rest and the webapps' /camunda/api/engine alike. Deny by
 * default: a call not in this table answers 403. The administrator (group camunda-admin) may call everything and
 * is the only one who writes variables outside a form. Engine authorizations still apply on top: this table says
 * which kinds of call a role makes at all, the engine says on which cases. docs/operators.md "Who may do what through
 * /engine-rest" is this table in words.
 */
final class EngineApiAccess {

    /** The roles of organisation/Role, grouped by what they do with the engine. */
    enum Audience {
        /** handlers, heads, legal reviewers, bureau officers, traffic police: work their tasks in Tasklist. */
        WORKER,
        /** legal supervisors: read everything, work only the 超期督办 tasks offered to them. */
        SUPERVISOR,
        /** process analysts: models, rule tables and aggregate figures; never a case's variable values. */
        ANALYST
    }

    /** What is checked beyond method and path. */
    enum Check {
        NONE,
        /** the caller could work the task, and the variables are the fields of its form, with their types */
        TASK_FORM,
        /** the variables are the fields of the start event's form, with their types */
        START_FORM,
        /** the task is offered to the caller (assignee, owner, candidate user or group) */
        OWN_TASK,
        /** own task, and the user named in the body is a colleague of the same body who could work it */
        OWN_TASK_TO_WORKER,
        /**
         * own task, and the user named in the body is a colleague who could work it, the group a duty group of the
         * caller's body for a role that works tasks
         */
        OWN_TASK_LINK_IN_BODY,
        /** the task is delegated to the caller, who hands it back without variables */
        DELEGATED_TASK,
        /** a list or count; a caller who never reads a case's values neither filters nor sorts by them */
        QUERY,
        /** the user in the path is the caller */
        SELF,
        /** deleting a deployment never cascades to running cases */
        NO_CASCADE
    }

    record Rule(HttpMethod method, PathPattern path, Set<Audience> audiences, Check check) {
    }

    record Match(Rule rule, Map<String, String> pathVariables) {
    }

    private static final Set<Audience> ALL = EnumSet.allOf(Audience.class);
    private static final Set<Audience> CASE_READERS = EnumSet.of(WORKER, SUPERVISOR);
    private static final Set<Audience> COCKPIT = EnumSet.of(SUPERVISOR, ANALYST);

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        // the engine, the caller, names of people and groups (Tasklist's assignee picker, Cockpit's user names)
        read("/engine", ALL);
        // Tasklist and Admin ask with OPTIONS which links (create, update, delete) the engine would allow
        rule(HttpMethod.OPTIONS, "/**", ALL, Check.NONE);
        read("/version", ALL);
        query("/identity/groups", ALL);
        read("/identity/password-policy", ALL);
        query("/user", ALL);
        query("/user/count", ALL);
        read("/user/{userId}/profile", ALL);
        rule(HttpMethod.PUT, "/user/{userId}/profile", ALL, Check.SELF);
        rule(HttpMethod.PUT, "/user/{userId}/credentials", ALL, Check.SELF);
        query("/group", ALL);
        query("/group/count", ALL);
        read("/group/{groupId}", ALL);
        query("/tenant", ALL);
        query("/tenant/count", ALL);
        query("/authorization", ALL);
        query("/authorization/count", ALL);
        read("/authorization/check", ALL);

        // models: definitions, their XML and diagrams, start forms
        query("/process-definition", ALL);
        query("/process-definition/count", ALL);
        read("/process-definition/**", ALL);
        query("/decision-definition", ALL);
        query("/decision-definition/count", ALL);
        read("/decision-definition/**", ALL);
        query("/decision-requirements-definition", ALL);
        query("/decision-requirements-definition/count", ALL);
        read("/decision-requirements-definition/**", ALL);
        query("/deployment", ALL);
        query("/deployment/count", ALL);
        read("/deployment/**", ALL);
        query("/case-definition", ALL);
        query("/case-definition/count", ALL);

        // starting a process: only through its start form
        rule(HttpMethod.POST, "/process-definition/key/{key}/submit-form", EnumSet.of(WORKER), Check.START_FORM);
        rule(HttpMethod.POST, "/process-definition/key/{key}/tenant-id/{tenantId}/submit-form", EnumSet.of(WORKER),
                Check.START_FORM);
        rule(HttpMethod.POST, "/process-definition/{id}/submit-form", EnumSet.of(WORKER), Check.START_FORM);

        // analysts: deploy, redeploy, delete without cascading to cases; evaluate rule tables
        rule(HttpMethod.POST, "/deployment/create", EnumSet.of(ANALYST), Check.NONE);
        rule(HttpMethod.POST, "/deployment/{id}/redeploy", EnumSet.of(ANALYST), Check.NONE);
        rule(HttpMethod.DELETE, "/deployment/{id}", EnumSet.of(ANALYST), Check.NO_CASCADE);
        rule(HttpMethod.POST, "/decision-definition/{id}/evaluate", EnumSet.of(ANALYST), Check.NONE);
        rule(HttpMethod.POST, "/decision-definition/key/{key}/evaluate", EnumSet.of(ANALYST), Check.NONE);
        rule(HttpMethod.POST, "/decision-definition/key/{key}/tenant-id/{tenantId}/evaluate", EnumSet.of(ANALYST),
                Check.NONE);

        // tasks: lists and counts for all (the engine shows each only the tasks it may read) ...
        query("/task", ALL);
        query("/task/count", ALL);
        read("/task/report/candidate-group-count", COCKPIT);
        query("/filter", CASE_READERS);
        query("/filter/count", CASE_READERS);
        read("/filter/{id}", CASE_READERS);
        query("/filter/{id}/list", CASE_READERS);
        query("/filter/{id}/count", CASE_READERS);
        query("/filter/{id}/singleResult", CASE_READERS);
        // ... a task, its form and the case's variables for those who work cases ...
        read("/task/{id}", CASE_READERS);
        read("/task/{id}/**", CASE_READERS);
        // ... and the writes of one's own task
        rule(HttpMethod.POST, "/task/{id}/claim", CASE_READERS, Check.OWN_TASK_TO_WORKER);
        rule(HttpMethod.POST, "/task/{id}/unclaim", CASE_READERS, Check.OWN_TASK);
        rule(HttpMethod.POST, "/task/{id}/complete", CASE_READERS, Check.TASK_FORM);
        rule(HttpMethod.POST, "/task/{id}/submit-form", CASE_READERS, Check.TASK_FORM);
        rule(HttpMethod.POST, "/task/{id}/comment/create", CASE_READERS, Check.OWN_TASK);
        rule(HttpMethod.POST, "/task/{id}/attachment/create", CASE_READERS, Check.OWN_TASK);
        rule(HttpMethod.POST, "/task/{id}/assignee", EnumSet.of(WORKER), Check.OWN_TASK_TO_WORKER);
        rule(HttpMethod.POST, "/task/{id}/delegate", EnumSet.of(WORKER), Check.OWN_TASK_TO_WORKER);
        rule(HttpMethod.POST, "/task/{id}/resolve", EnumSet.of(WORKER), Check.DELEGATED_TASK);
        rule(HttpMethod.POST, "/task/{id}/identity-links", EnumSet.of(WORKER), Check.OWN_TASK_LINK_IN_BODY);
        rule(HttpMethod.POST, "/task/{id}/identity-links/delete", EnumSet.of(WORKER), Check.OWN_TASK_LINK_IN_BODY);

        // cases: instances, executions, variables, incidents (the engine shows each only its cases)
        query("/process-instance", ALL);
        query("/process-instance/count", ALL);
        read("/process-instance/{id}", CASE_READERS);
        read("/process-instance/{id}/**", CASE_READERS);
        query("/execution", CASE_READERS);
        query("/execution/count", CASE_READERS);
        read("/execution/{id}", CASE_READERS);
        read("/execution/{id}/**", CASE_READERS);
        query("/variable-instance", CASE_READERS);
        query("/variable-instance/count", CASE_READERS);
        read("/variable-instance/{id}/data", CASE_READERS);
        query("/incident", COCKPIT);
        query("/incident/count", COCKPIT);
        query("/job", COCKPIT);
        query("/job/count", COCKPIT);
        query("/job-definition", COCKPIT);
        query("/job-definition/count", COCKPIT);
        query("/external-task", COCKPIT);
        query("/external-task/count", COCKPIT);
        query("/event-subscription", COCKPIT);
        query("/event-subscription/count", COCKPIT);
        query("/batch", EnumSet.of(SUPERVISOR));
        query("/batch/count", EnumSet.of(SUPERVISOR));
        read("/batch/statistics", EnumSet.of(SUPERVISOR));
        read("/batch/statistics/count", EnumSet.of(SUPERVISOR));

        // history: everything for case readers; counts, statistics, reports and the flow for analysts
        // (GET only under /history: POST there also deletes history and sets removal times)
        read("/history/**", CASE_READERS);
        for (String family : List.of("process-instance", "activity-instance", "task", "variable-instance", "detail",
                "incident", "decision-instance", "job-log", "external-task-log", "user-operation",
                "identity-link-log")) {
            rule(HttpMethod.POST, "/history/" + family, CASE_READERS, Check.NONE);
            rule(HttpMethod.POST, "/history/" + family + "/count", CASE_READERS, Check.NONE);
        }
        for (String family : List.of("process-instance", "activity-instance", "task", "incident",
                "job-log", "external-task-log", "batch", "user-operation", "identity-link-log")) {
            query("/history/" + family, EnumSet.of(ANALYST));
            query("/history/" + family + "/count", EnumSet.of(ANALYST));
        }
        read("/history/process-instance/{id}", EnumSet.of(ANALYST));
        read("/history/process-instance/report", EnumSet.of(ANALYST));
        read("/history/process-instance/duration-report", EnumSet.of(ANALYST));
        read("/history/task/report", EnumSet.of(ANALYST));
        read("/history/process-definition/{id}/statistics", EnumSet.of(ANALYST));
        read("/history/process-definition/cleanable-process-instance-report", EnumSet.of(ANALYST));
        read("/history/process-definition/cleanable-process-instance-report/count", EnumSet.of(ANALYST));
        read("/history/decision-definition/cleanable-decision-instance-report", EnumSet.of(ANALYST));
        query("/history/decision-instance/count", EnumSet.of(ANALYST));
        query("/metrics/{name}/sum", COCKPIT);
        query("/metrics", COCKPIT);
    }

    private EngineApiAccess() {
    }

    /** The first rule that lets one of the audiences make this call. */
    static Optional<Match> find(HttpMethod method, String path, Set<Audience> audiences) {
        PathContainer container = PathContainer.parsePath(path);
        for (Rule rule : RULES) {
            if (!rule.method().equals(method) || rule.audiences().stream().noneMatch(audiences::contains)) {
                continue;
            }
            PathPattern.PathMatchInfo info = rule.path().matchAndExtract(container);
            if (info != null) {
                return Optional.of(new Match(rule, info.getUriVariables()));
            }
        }
        return Optional.empty();
    }

    static List<Rule> rules() {
        return List.copyOf(RULES);
    }

    private static void read(String path, Set<Audience> audiences) {
        rule(HttpMethod.GET, path, audiences, Check.NONE);
    }

    /** A Camunda query: GET with parameters, or POST with the same query as a JSON body. */
    private static void query(String path, Set<Audience> audiences) {
        rule(HttpMethod.GET, path, audiences, Check.QUERY);
        rule(HttpMethod.POST, path, audiences, Check.QUERY);
    }

    private static void rule(HttpMethod method, String path, Set<Audience> audiences, Check check) {
        RULES.add(new Rule(method, PathPatternParser.defaultInstance.parse(path), Set.copyOf(audiences), check));
    }
}
