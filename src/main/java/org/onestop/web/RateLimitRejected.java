package org.onestop.web;

import java.util.List;

/**
 * A request turned away with 429 by one of the limits, named as its {@code onestop.rate-limit.*} setting
 * ({@code posts-per-address}, {@code gets-per-key}, {@code failed-logins-per-address}, …); never the client's address
 * or key. Published for the metrics.
 */
public record RateLimitRejected(String limit) {

    public static final String POSTS_PER_ADDRESS = "posts-per-address";
    public static final String POSTS_PER_KEY = "posts-per-key";
    public static final String GETS_PER_ADDRESS = "gets-per-address";
    public static final String GETS_PER_KEY = "gets-per-key";
    public static final String FAILED_LOGINS_PER_ADDRESS = "failed-logins-per-address";

    /** Every limit's name. */
    public static final List<String> LIMITS = List.of(POSTS_PER_ADDRESS, POSTS_PER_KEY,
            GETS_PER_ADDRESS, GETS_PER_KEY, FAILED_LOGINS_PER_ADDRESS);
}
