package org.sanlian.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the domain API as RFC 9457 Problem Details; input errors name their fields. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e, HttpServletRequest request) {
        return Problems.invalidInput(e.violations(), request.getRequestURI());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        return Problems.conflict(e, request.getRequestURI());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return Problems.invalidInput(violations, request.getRequestURI());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权执行此操作 (not allowed)", request.getRequestURI());
    }

    /**
     * An upload the server cannot read as multipart (e.g. a file name with a NUL character, which Tomcat refuses) is
     * the sender's mistake: 400 naming the file part. A failure of the server itself while reading it stays a 500.
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidFileNameException || t instanceof FileUploadException) {
                return Problems.invalidInput(List.of(new FieldViolation("file",
                        "上传的文件无法读取（文件名或格式不合规范）")), request.getRequestURI());
            }
        }
        return unexpected(e, request);
    }

    /**
     * What no other handler knows: a database or concurrency failure gets its meaning (400, 409) from
     * {@link StorageFailures}; anything else is a 500 that says nothing of SQL, classes or stack traces (the
     * log has them).
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return Problems.invalidInput(invalid.violations(), request.getRequestURI());
            }
            if (t instanceof ConflictException conflict) {
                return Problems.conflict(conflict, request.getRequestURI());
            }
        }
        ProblemDetail known = StorageFailures.problemFor(e, request.getRequestURI());
        if (known != null) {
            LOG.info("{} {}: {} ({})", request.getMethod(), request.getRequestURI(), known.getStatus(), e.toString());
            return known;
        }
        LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "server-error",
                "服务器内部错误，已记录，请联系管理员 (internal error, logged)", request.getRequestURI());
    }

    /** Spring MVC's own 4xx answers (unreadable JSON, a wrong type in the path) never repeat more than an excerpt. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getDetail() != null) {
            problem.setDetail(Problems.excerpt(problem.getDetail()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldViolation(error.getField(), error.getDefaultMessage()))
                .toList();
        String path = request.getDescription(false).replaceFirst("^uri=", "");
        return ResponseEntity.badRequest().body(Problems.invalidInput(violations, path));
    }

    /**
     * A body that is JSON but holds a value of the wrong type for its field (a list where a name goes, a word where a
     * number goes, 2026-02-30 for a date, a number too large): 400 naming the field, as for any other bad input.
     * A body that is no JSON object at all — missing, not JSON, or a list or a word where the request's object goes
     * ({@code POST /api/assistance} with {@code [1,2]}) — is 400 naming {@code body}, as the engine API's guard names
     * it (it was Spring's "Failed to read request", naming nothing).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mismatch && !mismatch.getPath().isEmpty()) {
                StringBuilder field = new StringBuilder();
                for (JsonMappingException.Reference reference : mismatch.getPath()) {
                    if (reference.getFieldName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
                    } else if (reference.getIndex() >= 0) {
                        field.append('[').append(reference.getIndex()).append(']');
                    }
                }
                String path = request.getDescription(false).replaceFirst("^uri=", "");
                return ResponseEntity.badRequest().body(Problems.invalidInput(List.of(new FieldViolation(
                        field.toString(), "类型或取值不符（应为" + expected(mismatch instanceof MismatchedInputException input
                                ? input.getTargetType() : null) + "）")), path));
            }
        }
        String path = request.getDescription(false).replaceFirst("^uri=", "");
        return ResponseEntity.badRequest().body(Problems.invalidInput(List.of(new FieldViolation("body",
                "请求内容须为有效的 JSON 对象 (the body is a JSON object)")), path));
    }

    /** A path or query parameter that does not convert (a date that is none, a word for a number): 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        if (name == null) {
            return super.handleTypeMismatch(e, headers, status, request);
        }
        String path = request.getDescription(false).replaceFirst("^uri=", "");
        return ResponseEntity.badRequest().body(Problems.invalidInput(List.of(new FieldViolation(name,
                "类型或取值不符（应为" + expected(e.getRequiredType()) + "）")), path));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "规定的类型";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true 或 false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "有效日期，如 2026-01-31";
        }
        if (type == String.class) {
            return "文本";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "列表";
        }
        if (type.isEnum()) {
            return "规定的选项之一";
        }
        return "对象";
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
