package org.sanlian.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.sanlian.organisation.Role;
import org.sanlian.platform.EngineVariableValues;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Problems;
import org.sanlian.platform.forms.FormSubmissions;
import org.sanlian.platform.forms.StartFormOptions;
import org.sanlian.security.EngineApiAccess.Audience;
import org.sanlian.security.EngineApiAccess.Match;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Applies {@link EngineApiAccess} to every call of Camunda's REST API: /engine-rest (the caller from HTTP Basic,
 * via Spring Security) and the webapps' /camunda/api/engine (the caller from the webapps' session), so a browser
 * session can do nothing that HTTP Basic cannot. A submit is checked against its form here, before the engine
 * runs anything, so a refused call changes nothing.
 */
class EngineApiGuard extends OncePerRequestFilter {

    /** A submit is a few kilobytes; a body this big is refused unread. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(EngineApiGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine/[^/]+(/.*)?$");
    /** Tasklist's date editor saves the whole task (due and follow-up date) with PUT /task/{id}. */
    private static final Pattern TASK_UPDATE = Pattern.compile("^/task/[^/]+$");
    static final String STATUTORY_DATES = "任务的到期日由法定期限确定，办案人员不能修改。"
            + "确需延长办案期限的，请通过“延长办案期限审批”报请负责人批准（行政处罚法第六十条）";

    static final String NOT_A_WORKER = "您不在此任务的候选人或候选组之列，不能办理 "
            + "(only a candidate user or a member of a candidate group of the task works it)";
    static final String NOT_DELEGATED = "该任务未委托给您，不能“交还”(resolve)；请通过表单办理 "
            + "(only a task delegated to you is resolved, by you)";
    static final String VARIABLES_ON_RESOLVE = "交还委托任务不能带变量，案件变量只能通过提交表单写入 "
            + "(resolve takes no variables: a case's values change only through its form's complete or submit)";
    static final String STARTED_BY_THE_SYSTEM = "该流程由系统发起，没有启动表单，不能通过表单启动 "
            + "(this process is started by the system, not by a form)";
    static final String VALUE_FILTER = "不能按变量的值查询或排序 (no filtering or sorting by variable values)";
    /** Camunda's query parameters that filter by variable values, lower case (runtime, history, case queries). */
    private static final Set<String> VALUE_FILTER_PARAMETERS = Set.of("variables", "processvariables",
            "taskvariables", "caseinstancevariables", "caseexecutionvariables", "variablevalues", "variablevalue");

    private final String webappEngineApi;
    private final String cockpitPluginApi;
    private final FormSubmissions forms;
    private final StartFormOptions startForms;
    private final EngineApiFacts facts;
    private final Predicate<String> deserializable;
    private final RunningTaskRecords taskRecords;
    private final long maxUploadBytes;

    /**
     * {@code maxUploadBytes}: the largest body that is not JSON (a multipart upload: a deployment, a task's attachment,
     * a variable's binary data). Camunda's REST API reads every part of a multipart body into memory with no limit of
     * its own, so one upload of some hundred megabytes by any officer who may add an attachment to a task of theirs
     * emptied the heap (OutOfMemoryError, and every other request of that moment failed with it).
     */
    public EngineApiGuard(String webappPath, FormSubmissions forms, StartFormOptions startForms, EngineApiFacts facts,
            Predicate<String> deserializable, RunningTaskRecords taskRecords, long maxUploadBytes) {
        this.webappEngineApi = webappPath + "/api/engine";
        this.cockpitPluginApi = webappPath + "/api/cockpit/";
        this.forms = forms;
        this.startForms = startForms;
        this.facts = facts;
        this.deserializable = deserializable;
        this.taskRecords = taskRecords;
        this.maxUploadBytes = maxUploadBytes;
    }

    record Caller(String userId, Set<String> groups) {
        boolean isAdministrator() {
            return groups.contains(Role.ADMINISTRATOR.groupId());
        }

        Set<Audience> audiences() {
            Set<Audience> audiences = EnumSet.noneOf(Audience.class);
            for (Role role : List.of(Role.HANDLER, Role.HEAD, Role.LEGAL_REVIEWER, Role.BUREAU_OFFICER,
                    Role.TRAFFIC_POLICE)) {
                if (groups.contains(role.groupId())) {
                    audiences.add(Audience.WORKER);
                }
            }
            if (groups.contains(Role.LEGAL_SUPERVISOR.groupId())) {
                audiences.add(Audience.SUPERVISOR);
            }
            if (groups.contains(Role.ANALYST.groupId())) {
                audiences.add(Audience.ANALYST);
            }
            return audiences;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (uri.startsWith(cockpitPluginApi)) {
            cockpitPluginQuery(request, response, chain, uri);
            return;
        }
        boolean webapp = uri.startsWith(webappEngineApi + "/");
        String path = enginePath(webapp ? uri.substring(webappEngineApi.length()) : uri.substring("/engine-rest".length()));
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        Optional<Caller> caller = webapp ? sessionCaller(request) : basicCaller();
        if (caller.isEmpty()) {
            if (webapp && method == HttpMethod.GET && path.equals("/engine")) {
                chain.doFilter(request, response);
            } else {
                write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "需要登录 (authentication required)",
                        uri));
            }
            return;
        }
        HttpServletRequest checked = request;
        JsonNode body = null;
        if (sendsJson(request, method)) {
            JsonBody read = readJson(request, response, uri);
            if (read == null) {
                return;
            }
            body = read.body();
            // everyone's variable writes, the administrator's too: a malformed value would be stored as it is
            List<FieldViolation> malformed = EngineVariableValues.check(path, body, deserializable);
            if (!malformed.isEmpty()) {
                LOG.info("refused {} {} for {}: malformed variable values {}", method, uri, caller.get().userId(),
                        malformed.stream().map(FieldViolation::field).toList());
                write(response, Problems.invalidInput(malformed, uri));
                return;
            }
            checked = read.request();
        } else if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            HttpServletRequest upload = limitedUpload(request, response, uri);
            if (upload == null) {
                return;
            }
            checked = upload;
        }
        if (caller.get().isAdministrator()) {
            Optional<FormWrite> formWrite = FormWrite.of(method, path);
            if (formWrite.isPresent()) {
                if (body == null) {
                    JsonBody read = readJson(request, response, uri);
                    if (read == null) {
                        return;
                    }
                    body = read.body();
                    checked = read.request();
                }
                List<FieldViolation> wrongTypes = formWrite.get().checkTypes(forms, body.path("variables"));
                if (!wrongTypes.isEmpty()) {
                    LOG.info("refused {} {} for {}: declared form fields of another type {}", method, uri,
                            caller.get().userId(), wrongTypes.stream().map(FieldViolation::field).toList());
                    write(response, Problems.invalidInput(wrongTypes, uri));
                    return;
                }
            }
            proceed(caller.get(), method, path, body, checked, response, chain);
            return;
        }
        Optional<Match> match = EngineApiAccess.find(method, path, caller.get().audiences());
        if (match.isEmpty()) {
            LOG.info("refused {} {} for {}: not in the allow-list", method, uri, caller.get().userId());
            write(response, forbidden(uri, method == HttpMethod.PUT && TASK_UPDATE.matcher(path).matches()
                    ? STATUTORY_DATES
                    : method + " " + path + " 不在本角色允许的操作之列 (not allowed for your role)"));
            return;
        }
        if (body == null && (needsBody(match.get().rule().check())
                || (method == HttpMethod.POST && match.get().rule().check() == EngineApiAccess.Check.QUERY
                        && !readsValues(caller.get())))) {
            JsonBody read = readJson(request, response, uri);
            if (read == null) {
                return;
            }
            body = read.body();
            checked = read.request();
        }
        ProblemDetail problem = check(match.get(), caller.get(), body, request, uri);
        if (problem != null) {
            LOG.info("refused {} {} for {}: {}", method, uri, caller.get().userId(), problem.getDetail());
            write(response, problem);
            return;
        }
        proceed(caller.get(), method, path, body, checked, response, chain);
    }

    /**
     * The administrator's calls that write a task's or a start event's variables (issue 16): complete, submit-form and
     * resolve of a task; submit-form and start of a process definition. The administrator repairs cases, so no form
     * rule, required field or undeclared variable stops these; but a variable the form declares must have the declared
     * field's type ({@link FormSubmissions#checkTaskTypes}), or a gateway or rule reading it fails with a 500.
     */
    private record FormWrite(boolean task, Map<String, String> pathVariables) {

        private static final List<PathPattern> TASK = patterns("/task/{id}/submit-form", "/task/{id}/complete",
                "/task/{id}/resolve");
        private static final List<PathPattern> START = patterns("/process-definition/{id}/submit-form",
                "/process-definition/{id}/start", "/process-definition/key/{key}/submit-form",
                "/process-definition/key/{key}/start", "/process-definition/key/{key}/tenant-id/{tenantId}/submit-form",
                "/process-definition/key/{key}/tenant-id/{tenantId}/start");

        static Optional<FormWrite> of(HttpMethod method, String path) {
            if (method != HttpMethod.POST) {
                return Optional.empty();
            }
            PathContainer container = PathContainer.parsePath(path);
            for (boolean task : new boolean[] {true, false}) {
                for (PathPattern pattern : task ? TASK : START) {
                    PathPattern.PathMatchInfo match = pattern.matchAndExtract(container);
                    if (match != null) {
                        return Optional.of(new FormWrite(task, match.getUriVariables()));
                    }
                }
            }
            return Optional.empty();
        }

        List<FieldViolation> checkTypes(FormSubmissions forms, JsonNode variables) {
            return (task ? forms.checkTaskTypes(pathVariables.get("id"), variables)
                    : forms.checkStartTypes(pathVariables.get("id"), pathVariables.get("key"),
                            pathVariables.get("tenantId"), variables)).orElse(List.of());
        }

        private static List<PathPattern> patterns(String... paths) {
            return java.util.Arrays.stream(paths).map(PathPatternParser.defaultInstance::parse).toList();
        }
    }

    /**
     * Cockpit's own plugin API only reads, and Camunda checks its access grant and authorizations; but its
     * process-instance lists and counts take the same {@code variables} filter as the engine's (Cockpit's instance
     * search), so the analyst's value-filter rule holds there too.
     */
    private void cockpitPluginQuery(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String uri) throws ServletException, IOException {
        Optional<Caller> caller = sessionCaller(request);
        if (caller.isEmpty() || caller.get().isAdministrator() || readsValues(caller.get())) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest checked = request;
        JsonNode body = null;
        if (sendsJson(request, HttpMethod.valueOf(request.getMethod()))) {
            JsonBody read = readJson(request, response, uri);
            if (read == null) {
                return;
            }
            body = read.body();
            checked = read.request();
        }
        ProblemDetail problem = valueFilters(checked, body, uri);
        if (problem != null) {
            LOG.info("refused {} {} for {}: {}", request.getMethod(), uri, caller.get().userId(), problem.getDetail());
            write(response, problem);
            return;
        }
        chain.doFilter(checked, response);
    }

    /**
     * The engine answers; a start form comes with the options its selects offer this caller, and a running task's
     * comments and operation log are answered for those who read the task (RunningTaskRecords).
     */
    private void proceed(Caller caller, HttpMethod method, String path, JsonNode body, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (taskRecords.serve(caller, method, path, body, request, response)) {
            return;
        }
        if (StartFormOptions.servesStartForm(method.name(), path)) {
            startForms.serve(caller.userId(), request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    private ProblemDetail check(Match match, Caller caller, JsonNode body, HttpServletRequest request, String uri) {
        String id = match.pathVariables().get("id");
        return switch (match.rule().check()) {
            case NONE -> null;
            case TASK_FORM -> {
                if (!facts.canWork(id, caller.userId(), caller.groups())) {
                    yield forbidden(uri, NOT_A_WORKER);
                }
                yield violations(forms.checkTaskSubmit(id, body.path("variables")).orElse(List.of()), uri);
            }
            case START_FORM -> {
                if (!forms.hasStartForm(id, match.pathVariables().get("key"), match.pathVariables().get("tenantId"))) {
                    yield forbidden(uri, STARTED_BY_THE_SYSTEM);
                }
                yield violations(forms.checkStartSubmit(id, match.pathVariables().get("key"),
                        match.pathVariables().get("tenantId"), body.path("variables")).orElse(List.of()), uri);
            }
            case OWN_TASK -> facts.isOwnTask(id, caller) ? null : forbidden(uri, "这不是您的任务 (not your task)");
            case OWN_TASK_TO_WORKER -> {
                if (!facts.isOwnTask(id, caller)) {
                    yield forbidden(uri, "这不是您的任务 (not your task)");
                }
                String userId = body.path("userId").asText(null);
                yield userId == null || isWorkerColleague(id, userId, caller) ? null
                        : forbidden(uri, "只能交给本单位能办理此任务的同事（任务候选组的成员） "
                                + "(only to a colleague of your body who could work this task): " + userId);
            }
            case OWN_TASK_LINK_IN_BODY -> {
                if (!facts.isOwnTask(id, caller)) {
                    yield forbidden(uri, "这不是您的任务 (not your task)");
                }
                String userId = body.path("userId").asText(null);
                String groupId = body.path("groupId").asText(null);
                boolean inBody = (userId == null || isWorkerColleague(id, userId, caller))
                        && (groupId == null || facts.isGroupOfBody(groupId, caller));
                yield inBody ? null : forbidden(uri, "只能交给本单位办理任务的岗位组或能办理此任务的同事 "
                        + "(only within your body, to those who could work this task): "
                        + (groupId != null ? groupId : userId));
            }
            case DELEGATED_TASK -> {
                if (!facts.isDelegatedTo(id, caller.userId())) {
                    yield forbidden(uri, NOT_DELEGATED);
                }
                yield violations(variablesOnResolve(body.path("variables")), uri);
            }
            case QUERY -> readsValues(caller) ? null : valueFilters(request, body, uri);
            case SELF -> caller.userId().equals(match.pathVariables().get("userId")) ? null
                    : forbidden(uri, "只能修改自己的资料 (only your own profile)");
            case NO_CASCADE -> "true".equalsIgnoreCase(request.getParameter("cascade"))
                    ? forbidden(uri, "删除部署不能连带删除案件 (cascade would delete running cases)") : null;
        };
    }

    private boolean isWorkerColleague(String taskId, String userId, Caller caller) {
        if (userId.equals(caller.userId())) {
            return facts.canWork(taskId, userId, caller.groups());
        }
        return facts.isColleague(userId, caller) && facts.canWork(taskId, userId);
    }

    /** Handing a delegated task back changes no case variable: those go only through the form (complete/submit). */
    private static List<FieldViolation> variablesOnResolve(JsonNode variables) {
        if (variables.isMissingNode() || variables.isNull() || (variables.isContainerNode() && variables.isEmpty())) {
            return List.of();
        }
        if (!variables.isObject()) {
            return List.of(new FieldViolation("variables", VARIABLES_ON_RESOLVE));
        }
        List<FieldViolation> refused = new java.util.ArrayList<>();
        variables.fieldNames().forEachRemaining(name -> refused.add(new FieldViolation(name, VARIABLES_ON_RESOLVE)));
        return refused;
    }

    /** Workers and supervisors read a case's values anyway; an analyst alone never does (operators.md). */
    private static boolean readsValues(Caller caller) {
        Set<Audience> audiences = caller.audiences();
        return audiences.contains(Audience.WORKER) || audiences.contains(Audience.SUPERVISOR);
    }

    /**
     * A query that filters or sorts by variable values answers whether a case holds a value — an analyst could
     * learn a party's name one guess at a time. Refused, naming the parameter, on GET parameters and POST bodies
     * (also inside {@code orQueries}).
     */
    private static ProblemDetail valueFilters(HttpServletRequest request, JsonNode body, String uri) {
        List<FieldViolation> refused = new java.util.ArrayList<>();
        if (HttpMethod.GET.matches(request.getMethod())) {
            request.getParameterMap().forEach((name, values) -> {
                if (filtersByValue(name) && java.util.Arrays.stream(values).anyMatch(v -> !v.isBlank())) {
                    refused.add(new FieldViolation(name, VALUE_FILTER));
                }
            });
        } else if (body != null) {
            collectValueFilters(body, refused, 0);
        }
        if (refused.isEmpty()) {
            return null;
        }
        ProblemDetail problem = forbidden(uri, "流程分析员不能按案件变量的值查询或排序 (an analyst never filters or sorts "
                + "by a case's variable values): " + String.join(", ", refused.stream().map(FieldViolation::field)
                        .distinct().toList()));
        problem.setProperty("errors", refused);
        return problem;
    }

    private static void collectValueFilters(JsonNode node, List<FieldViolation> refused, int depth) {
        if (depth > 10 || !node.isContainerNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collectValueFilters(element, refused, depth + 1));
            return;
        }
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (filtersByValue(name) && !value.isNull() && !(value.isContainerNode() && value.isEmpty())) {
                refused.add(new FieldViolation(name, VALUE_FILTER));
            } else if (name.equals("sorting") && value.findValue("variable") != null) {
                refused.add(new FieldViolation(name, VALUE_FILTER));
            } else if (name.equals("orQueries")) {
                collectValueFilters(value, refused, depth + 1);
            }
        });
    }

    private static boolean filtersByValue(String parameter) {
        return VALUE_FILTER_PARAMETERS.contains(parameter.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether the body is JSON, by the media type's own subtype ({@code json}, {@code …+json}): not by a search of the
     * whole header, whose multipart boundary is random text — Modeler's deployment was refused as "not valid JSON"
     * whenever its boundary happened to contain those four letters. A header that does not parse counts as JSON, so
     * that its body is checked rather than let through.
     */
    static boolean sendsJson(String contentType, HttpMethod method) {
        if ((method != HttpMethod.POST && method != HttpMethod.PUT) || contentType == null) {
            return false;
        }
        try {
            String subtype = org.springframework.http.MediaType.parseMediaType(contentType).getSubtype()
                    .toLowerCase(java.util.Locale.ROOT);
            return subtype.equals("json") || subtype.endsWith("+json");
        } catch (org.springframework.http.InvalidMediaTypeException unparsable) {
            return true;
        }
    }

    private static boolean sendsJson(HttpServletRequest request, HttpMethod method) {
        return sendsJson(request.getContentType(), method);
    }

    /** A JSON body read once, and the request that hands it on unchanged. */
    private record JsonBody(JsonNode body, HttpServletRequest request) {
    }

    /** The body as JSON, or null when it is too big or not JSON (and the refusal is written). */
    private static JsonBody readJson(HttpServletRequest request, HttpServletResponse response, String uri)
            throws IOException {
        byte[] bytes = readBody(request, response, uri);
        if (bytes == null) {
            return null;
        }
        JsonNode body = parse(bytes);
        if (body == null) {
            write(response, Problems.invalidInput(List.of(new FieldViolation("body", "请求内容不是有效的 JSON")), uri));
            return null;
        }
        return new JsonBody(body, new CachedBody(request, bytes));
    }

    /** The body, or null when it is too big (and the refusal is written). */
    private static byte[] readBody(HttpServletRequest request, HttpServletResponse response, String uri)
            throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            write(response, Problems.invalidInput(List.of(new FieldViolation("body", "请求内容过大 (body too large)")),
                    uri));
            return null;
        }
        return bytes;
    }

    /**
     * A body that is not JSON, as long as {@code maxUploadBytes} at most: one that says it is longer is refused unread,
     * one of unknown length (chunked) is read up to the limit here; null when refused (and the refusal is written).
     */
    private HttpServletRequest limitedUpload(HttpServletRequest request, HttpServletResponse response, String uri)
            throws IOException {
        long length = request.getContentLengthLong();
        if (length >= 0 && length <= maxUploadBytes) {
            return request;
        }
        byte[] bytes = length > maxUploadBytes ? null : request.getInputStream().readNBytes(
                (int) Math.min(Integer.MAX_VALUE - 8, maxUploadBytes + 1));
        if (bytes == null || bytes.length > maxUploadBytes) {
            LOG.info("refused {} {}: a body of {} bytes is over the limit of {}", request.getMethod(), uri,
                    bytes == null ? length : "more than " + maxUploadBytes, maxUploadBytes);
            write(response, Problems.invalidInput(List.of(new FieldViolation("body", "上传内容过大，不能超过 "
                    + (maxUploadBytes / (1024 * 1024)) + " MB (body too large: at most " + maxUploadBytes
                    + " bytes)")), uri));
            return null;
        }
        return new CachedBody(request, bytes);
    }

    private static boolean needsBody(EngineApiAccess.Check check) {
        return switch (check) {
            case TASK_FORM, START_FORM, OWN_TASK_TO_WORKER, OWN_TASK_LINK_IN_BODY, DELEGATED_TASK -> true;
            default -> false;
        };
    }

    /** "/engine/default/task" and "/task" are the same call; "/engine" alone lists the engines. */
    static String enginePath(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        Matcher named = NAMED_ENGINE.matcher(path);
        String rest = named.matches() ? (named.group(1) == null ? "/" : named.group(1)) : path;
        return rest.length() > 1 && rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    }

    private static Optional<Caller> basicCaller() {
        org.springframework.security.core.Authentication authentication =
                SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof String userId)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(userId, Set.copyOf(CamundaIdentityAuthenticationProvider.groupIds(authentication))));
    }

    private static Optional<Caller> sessionCaller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine("default");
        if (!(authentication instanceof UserAuthentication user) || user.getIdentityId() == null) {
            return Optional.empty();
        }
        return Optional.of(new Caller(user.getIdentityId(),
                user.getGroupIds() == null ? Set.of() : Set.copyOf(user.getGroupIds())));
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static ProblemDetail violations(List<FieldViolation> violations, String uri) {
        return violations.isEmpty() ? null : Problems.invalidInput(violations, uri);
    }

    /** Marked {@code deniedBy: allow-list}, unlike the engine's own 403, which names missing authorizations. */
    static ProblemDetail forbidden(String uri, String why) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权执行此操作：" + why, uri);
        problem.setProperty("message", Problems.plain("无权执行此操作：" + why));
        problem.setProperty("deniedBy", "allow-list");
        return problem;
    }

    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.toJson(problem));
    }

    /** The request with its body read once for checking and handed on unchanged. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
