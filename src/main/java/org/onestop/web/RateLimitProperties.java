package org.onestop.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on the public endpoints ({@code onestop.rate-limit.*}): requests per client address and per API key in each
 * window, POSTs (anything that is not GET, HEAD or OPTIONS) and GETs counted apart. Counted in the database, shared
 * by every node ({@code shared}); with {@code shared: false} per node in memory, so that a cluster of N nodes lets a
 * client make up to N times as many.
 * Mutable so that a test can lower a limit for a moment in the shared application context.
 */
@Validated
@ConfigurationProperties("onestop.rate-limit")
public class RateLimitProperties {

    public static final int DEFAULT_POSTS_PER_ADDRESS = 30;
    public static final int DEFAULT_FAILED_LOGINS_PER_ADDRESS = 10;

    private boolean enabled = true;
    /** Counters in the database, shared by all nodes; false: in each node's memory. */
    private boolean shared = true;
    @NotNull
    @DurationMin(seconds = 1)
    private Duration window = Duration.ofMinutes(1);
    @Min(1)
    private int postsPerAddress = DEFAULT_POSTS_PER_ADDRESS;
    @Min(1)
    private int postsPerKey = 60;
    @Min(1)
    private int getsPerAddress = 300;
    @Min(1)
    private int getsPerKey = 600;
    /**
     * Failed logins (HTTP Basic on /api and /engine-rest, and the login form) per client address; past it, the
     * address's logins are refused before any password is checked. Logins that succeed are not counted.
     */
    @Min(1)
    private int failedLoginsPerAddress = DEFAULT_FAILED_LOGINS_PER_ADDRESS;
    /** At most this many clients are tracked; past it, expired windows are dropped, and if that is not enough, all. */
    @Min(1)
    private int maxTrackedClients = 100_000;
    @NotNull
    private List<String> paths = new ArrayList<>(List.of("/open311/**", "/report/**", "/status/**", "/survey/**", "/notices/**", "/a-z/**", "/login"));

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isShared() { return shared; }
    public void setShared(boolean shared) { this.shared = shared; }
    public Duration getWindow() { return window; }
    public void setWindow(Duration window) { this.window = window; }
    public int getPostsPerAddress() { return postsPerAddress; }
    public void setPostsPerAddress(int postsPerAddress) { this.postsPerAddress = postsPerAddress; }
    public int getPostsPerKey() { return postsPerKey; }
    public void setPostsPerKey(int postsPerKey) { this.postsPerKey = postsPerKey; }
    public int getGetsPerAddress() { return getsPerAddress; }
    public void setGetsPerAddress(int getsPerAddress) { this.getsPerAddress = getsPerAddress; }
    public int getGetsPerKey() { return getsPerKey; }
    public void setGetsPerKey(int getsPerKey) { this.getsPerKey = getsPerKey; }
    public int getFailedLoginsPerAddress() { return failedLoginsPerAddress; }
    public void setFailedLoginsPerAddress(int failedLoginsPerAddress) { this.failedLoginsPerAddress = failedLoginsPerAddress; }
    public int getMaxTrackedClients() { return maxTrackedClients; }
    public void setMaxTrackedClients(int maxTrackedClients) { this.maxTrackedClients = maxTrackedClients; }
    public List<String> getPaths() { return paths; }
    public void setPaths(List<String> paths) { this.paths = paths; }
}
