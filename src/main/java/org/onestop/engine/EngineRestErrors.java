package org.onestop.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.onestop.web.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors of {@code /engine-rest} in Camunda's JSON shape ({@code {"type":…,"message":…}}), but with a 4xx for the
 * client's mistakes that Camunda answers with 500: a task someone else has claimed (409), a gateway or expression
 * needing a variable the client did not send (400 naming it), a task form refused ({@link InvalidTaskFormException},
 * 400). Camunda wraps what goes wrong while completing a task in a 500 {@link RestException}, so the cause decides.
 * While the database is out of reach: 503 with Retry-After. Genuine server faults stay 500 and are logged.
 */
@Priority(1) // chosen over Camunda's own mappers for the same type where both are registered
public class EngineRestErrors implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);
    private static final Pattern IDENTIFIER = Pattern.compile("Cannot resolve identifier '([^']+)'");

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException web && web.getResponse() != null && web.getResponse().hasEntity()) {
            return web.getResponse();
        }
        ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
        int status = camunda.getStatus(e).getStatusCode();
        ExceptionDto body = camunda.fromException(e);
        if (status >= 500) {
            Throwable cause = clientMistake(e);
            if (cause != null) {
                status = statusOf(cause);
                body = camunda.fromException(cause);
                String variable = missingVariable(cause);
                if (variable != null) {
                    body.setType("MissingVariableException");
                    body.setMessage("the variable '" + variable + "' is needed here but was not given");
                }
            }
        }
        if (status >= 500 && DatabaseOutage.causes(e)) {
            log.warn("Database out of reach: engine REST request answered 503 ({})", e.getMessage());
            ExceptionDto unavailable = new ExceptionDto();
            unavailable.setType("ServiceUnavailable");
            unavailable.setMessage("the service is briefly unavailable; nothing was saved; try again in "
                    + DatabaseOutage.RETRY_AFTER_SECONDS + " seconds");
            return Response.status(503).header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).entity(unavailable)
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (status >= 500) {
            log.error("Server error in the engine REST API", e);
        } else {
            log.debug("Refused an engine REST request with {}: {}", status, e.getMessage());
        }
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The first cause, from the outside in, that is the client's mistake; null when it is ours. */
    private static Throwable clientMistake(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RestException rest && rest.getStatus() != null && rest.getStatus().getStatusCode() < 500) {
                return t;
            }
            if (t instanceof TaskAlreadyClaimedException || t instanceof BadUserRequestException
                    || t instanceof AuthorizationException || t instanceof NotFoundException
                    || t instanceof OptimisticLockingException || missingVariable(t) != null
                    || (t.getMessage() != null && t.getMessage().contains("No outgoing sequence flow"))) {
                return t;
            }
        }
        return null;
    }

    private static int statusOf(Throwable t) {
        if (t instanceof RestException rest) {
            return rest.getStatus().getStatusCode();
        }
        if (t instanceof TaskAlreadyClaimedException || t instanceof OptimisticLockingException) {
            return 409;
        }
        if (t instanceof AuthorizationException) {
            return 403;
        }
        if (t instanceof NotFoundException) {
            return 404;
        }
        return 400;
    }

    /** The variable an expression could not resolve (JUEL's PropertyNotFoundException), if that is what failed. */
    static String missingVariable(Throwable t) {
        if (t.getMessage() == null || !t.getClass().getSimpleName().equals("PropertyNotFoundException")) {
            return null;
        }
        Matcher m = IDENTIFIER.matcher(t.getMessage());
        return m.find() ? m.group(1) : null;
    }

    /**
     * The same answers for the exception types Camunda's own mappers take (a mapper for a nearer type wins over one for
     * {@code Throwable}, whatever its priority): where both are registered, ours win these by priority.
     */
    @Priority(1)
    public static class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            return new EngineRestErrors().toResponse(e);
        }
    }

    @Priority(1)
    public static class ForRestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            return new EngineRestErrors().toResponse(e);
        }
    }
}
