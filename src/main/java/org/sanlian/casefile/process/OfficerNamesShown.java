package org.sanlian.casefile.process;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * Officers by name on a form (issue 13): the variables that keep officers by login name — the case's
 * {@code investigators}, a {@code recusalOfficer}, a joint operation's {@code transportOfficers} and
 * {@code policeOfficers} (comma-separated) — are shown as the officers' names, {@code …Names}, worked out when the
 * form is opened (not stored). Found in Chromium: 听证通知 said "本案调查人员：xfhandler1,xfhandler2".
 */
@Component("officerNamesShown")
class OfficerNamesShown implements ShownOnForm {

    private static final Map<String, String> SHOWN = Map.of("investigators", "investigatorNames", "recusalOfficer",
            "recusalOfficerName", "transportOfficers", "transportOfficerNames", "policeOfficers",
            "policeOfficerNames");

    private final Officers officers;

    OfficerNamesShown(Officers officers) {
        this.officers = officers;
    }

    @Override
    public Set<String> names() {
        return Set.copyOf(SHOWN.values());
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        Map<String, Object> shown = new LinkedHashMap<>();
        SHOWN.forEach((variable, name) -> {
            Object logins = task.getVariable(variable);
            shown.put(name, logins == null ? "" : Arrays.stream(logins.toString().split("[,，、\\s]+"))
                    .filter(login -> !login.isBlank()).map(officers::name).collect(Collectors.joining("、")));
        });
        return shown;
    }
}
