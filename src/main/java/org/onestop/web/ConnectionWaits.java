package org.onestop.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * How long OneStop waits for a database connection: long for a busy pool, briefly for a database out of reach.
 * <ul>
 * <li>The pool gives up after {@code spring.datasource.hikari.connection-timeout} (2 s). If it could not make a
 * connection in that time (its timeout carries the cause: refused, reset, unknown host…), the database is out of
 * reach and the failure stands: a request gets 503 within seconds. If it merely had every connection in use (no
 * cause), the wait goes on, up to {@link #BUSY_POOL} in all, as with Hikari's default: a burst of requests waits its
 * turn instead of being turned away.</li>
 * <li>Within a request ({@link DatabaseOutageAnswers} marks its extent), once getting a connection failed because the
 * database is out of reach, every further attempt fails at once: the rate limiter before the login, the login before
 * the controller and Camunda's REST filters would otherwise each wait again.</li>
 * </ul>
 * Wraps the application's DataSource, so the engine, JPA and JDBC all see the same one.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionWaits {

    /** The longest wait for a connection of a pool that is busy but healthy. */
    static final Duration BUSY_POOL = Duration.ofSeconds(30);

    private static final ThreadLocal<boolean[]> REQUEST = new ThreadLocal<>();

    @Bean
    static BeanPostProcessor waitingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof Waiting) ? new Waiting(dataSource) : bean;
            }
        };
    }

    /** Marks the start of a request on this thread; {@link #end()} must follow. */
    static void begin() {
        REQUEST.set(new boolean[1]);
    }

    static void end() {
        REQUEST.remove();
    }

    private interface Borrow {
        Connection get() throws SQLException;
    }

    static final class Waiting extends DelegatingDataSource {

        Waiting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return borrow(super::getConnection);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return borrow(() -> super.getConnection(username, password));
        }

        private static Connection borrow(Borrow borrow) throws SQLException {
            boolean[] outage = REQUEST.get();
            if (outage != null && outage[0]) {
                throw new SQLTransientConnectionException("the database was out of reach a moment ago in this request; not waiting again");
            }
            long deadline = System.nanoTime() + BUSY_POOL.toNanos();
            while (true) {
                try {
                    return borrow.get();
                } catch (SQLTransientConnectionException e) {
                    boolean busy = e.getCause() == null;
                    if (!busy || System.nanoTime() - deadline >= 0) {
                        if (outage != null) {
                            outage[0] = true;
                        }
                        throw e;
                    }
                } catch (SQLException e) {
                    if (outage != null && DatabaseOutage.causes(e)) {
                        outage[0] = true;
                    }
                    throw e;
                }
            }
        }
    }
}
