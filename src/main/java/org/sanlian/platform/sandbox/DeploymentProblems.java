package org.sanlian.platform.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.sanlian.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refused deployment as 400 Problem Details, whichever check refused it: the sandbox
 * ({@link ModelRefusedException}), the BPMN parser ({@link ParseException}) or the DMN transformer
 * ({@link DmnTransformException}). {@code errors} names, per finding, the file, the element id and the expression
 * (or the parser's message); {@code message} keeps the text Camunda Modeler shows on a failed deploy.
 */
public final class DeploymentProblems {

    private DeploymentProblems() {
    }

    public static Optional<ProblemDetail> of(Throwable e, String instance) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ModelRefusedException refused) {
                return Optional.of(refused(refused, instance));
            }
            if (t instanceof ParseException parse) {
                return Optional.of(parse(parse, instance));
            }
            if (t instanceof DmnTransformException transform) {
                return Optional.of(problem("决策表无法部署 (decision table cannot be deployed): "
                        + transform.getMessage(), List.of(Map.of("message", transform.getMessage())), instance));
            }
        }
        return Optional.empty();
    }

    private static ProblemDetail refused(ModelRefusedException refused, String instance) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ModelViolation violation : refused.violations()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("resource", violation.resource());
            error.put("element", violation.element());
            error.put("expression", violation.expression());
            error.put("message", violation.reason());
            errors.add(error);
        }
        return problem(refused.getMessage(), errors, instance);
    }

    private static ProblemDetail parse(ParseException parse, String instance) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ResourceReport report : parse.getResorceReports()) {
            for (Problem found : report.getErrors()) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("resource", report.getResourceName());
                error.put("element", found.getMainElementId());
                error.put("line", found.getLine());
                error.put("message", found.getMessage());
                errors.add(error);
            }
        }
        return problem("模型无法部署 (model cannot be deployed): " + parse.getMessage(), errors, instance);
    }

    private static ProblemDetail problem(String detail, List<Map<String, Object>> errors, String instance) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "model-refused", detail, instance);
        problem.setProperty("message", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
