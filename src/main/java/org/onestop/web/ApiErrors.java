package org.onestop.web;

import java.util.ArrayList;
import java.util.List;

import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the {@code /api} endpoints as RFC 9457 problem documents; a 400 lists every bad field:
 * {@code {"status":400,"title":"Invalid request","errors":[{"field":"latitude","message":"must be between -90 and 90"}]}}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    public record FieldError(String field, String message) {
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return badRequest(e.fieldErrors().entrySet().stream().map(x -> new FieldError(x.getKey(), x.getValue())).toList());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return badRequest(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalid(HandlerMethodValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return badRequest(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException e) {
        return badRequest(e.getConstraintViolations().stream().map(v -> {
            String path = v.getPropertyPath().toString();
            return new FieldError(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        }).toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail invalid(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldError(e.getName(), "is not a valid value")));
    }

    /** A required query parameter left out (e.g. {@code GET /api/on-call} without {@code department}). */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badRequest(List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof BodyTooLargeException || e.getMostSpecificCause() instanceof BodyTooLargeException) {
            return badRequest(List.of(new FieldError("body", e.getMostSpecificCause().getMessage())));
        }
        if (cause instanceof StreamConstraintsException || e.getMostSpecificCause() instanceof StreamConstraintsException) {
            String field = cause instanceof JsonMappingException m ? path(m) : "body";
            return badRequest(List.of(new FieldError(field, "is far too long")));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String message = mapping instanceof ValueInstantiationException || mapping instanceof InvalidFormatException
                    ? reason(mapping) : mapping instanceof MismatchedInputException ? "has the wrong type" : "is not valid";
            return badRequest(List.of(new FieldError(path(mapping), message)));
        }
        if (cause instanceof JsonProcessingException json) {
            return badRequest(List.of(new FieldError("body", "is not valid JSON: " + json.getOriginalMessage())));
        }
        return badRequest(List.of(new FieldError("body", "is missing or not valid JSON")));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    /** A case the user may read but not change this way (the access policy); out of reach is a 404 instead. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    /**
     * Two changes to the same record at the same moment (two members of staff, or a person and the case's process):
     * the second is refused by the record's version (or the engine's), and nothing of it was saved.
     */
    @ExceptionHandler({org.springframework.dao.OptimisticLockingFailureException.class,
            org.camunda.bpm.engine.OptimisticLockingException.class})
    ProblemDetail conflict(RuntimeException e) {
        log.info("Concurrent change refused: {}", e.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "the case changed at the same moment (someone else, or its process); nothing was saved: read it again and retry");
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchEndpoint(NoResourceFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such endpoint");
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json");
        problem.setTitle("Unsupported media type");
        return problem;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
        problem.setTitle("Method not allowed");
        return problem;
    }

    /**
     * A problem document naming what the endpoint can answer (RFC 9110 asks for that list); it is JSON, which the
     * client did not ask for, as a 406's content may be.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        List<String> types = e.getSupportedMediaTypes().isEmpty() ? List.of(MediaType.APPLICATION_JSON_VALUE)
                : e.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE,
                "this endpoint answers " + String.join(" or ", types) + " only; ask for one of them in Accept");
        problem.setTitle("Not acceptable");
        problem.setProperty("acceptable", types);
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in the API", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was saved. Please try again.");
        problem.setTitle("Server error");
        return problem;
    }

    static ProblemDetail badRequest(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String reason(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof IllegalArgumentException && root.getMessage() != null ? root.getMessage() : "is not a valid value";
    }

}
