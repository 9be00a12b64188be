package org.onestop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Settings bound as at start-up (an {@link ApplicationContextRunner}, no application.yaml, no engine). */
public final class StartUpSettings {

    private StartUpSettings() {
    }

    /** Start-up with {@code settings} ({@code key=value}) fails, and its failure names each of {@code reasons}. */
    public static void refuses(ApplicationContextRunner startUp, String settings, String... reasons) {
        startUp.withPropertyValues(settings).run(context -> {
            assertThat(context).hasFailed();
            for (String reason : reasons) {
                assertThat(context).getFailure().hasStackTraceContaining(reason);
            }
        });
    }
}
