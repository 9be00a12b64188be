package org.onestop.opendata;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The open data's settings ({@code onestop.open-data.*}).
 *
 * @param directory where the files are written (each node writes its own); relative to the working directory
 * @param refresh how old the files may get before the job writes them again (at most a day: "updated at least daily")
 */
@Validated
@ConfigurationProperties("onestop.open-data")
public record OpenDataProperties(Path directory, Duration refresh) {

    static final Path DEFAULT_DIRECTORY = Path.of("data", "open-data");
    static final Duration DEFAULT_REFRESH = Duration.ofHours(24);

    public OpenDataProperties {
        directory = directory == null ? DEFAULT_DIRECTORY : directory;
        refresh = refresh == null ? DEFAULT_REFRESH : refresh;
        if (refresh.isNegative() || refresh.isZero() || refresh.compareTo(DEFAULT_REFRESH) > 0) {
            throw new IllegalArgumentException("onestop.open-data.refresh must be positive and at most PT24H");
        }
    }
}
