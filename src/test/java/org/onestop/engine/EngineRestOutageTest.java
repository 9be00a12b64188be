package org.onestop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.junit.jupiter.api.Test;
import org.onestop.web.DatabaseOutage;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Camunda's REST API answers a request that meets a database outage inside the engine with 503 and Retry-After, in
 * Camunda's error shape. (Most such requests fail earlier, at the login: web/DatabaseOutageTest.)
 */
class EngineRestOutageTest {

    @Test
    void aDatabaseOutageInsideTheEngineIs503WithRetryAfter() {
        Response response = new EngineRestErrors().toResponse(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms")));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        assertThat(((ExceptionDto) response.getEntity()).getType()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void otherServerFaultsStay500() {
        assertThat(new EngineRestErrors().toResponse(new IllegalStateException("a bug")).getStatus()).isEqualTo(500);
    }
}
