package org.onestop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Each package under org.onestop is a feature module; ModularityTest verifies their boundaries. */
@SpringBootApplication
@Modulithic(systemName = "OneStop", sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableScheduling
public class OneStopApplication {

    public static void main(String[] args) {
        SpringApplication.run(OneStopApplication.class, args);
    }
}
