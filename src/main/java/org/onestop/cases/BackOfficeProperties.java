package org.onestop.cases;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which back-office systems' workers run ({@code onestop.integrations.topics}): a service process hands work to an
 * external task of a topic only when its topic is listed here, and otherwise goes on without it (a city without a
 * work-order system, or before its worker runs, never has cases waiting on a task nobody fetches). See the README,
 * "For integrators: work orders and webhooks".
 *
 * @param topics the external task topics a worker serves, such as {@code work-orders}; none by default
 */
@ConfigurationProperties("onestop.integrations")
record BackOfficeProperties(@DefaultValue List<String> topics) {
}
