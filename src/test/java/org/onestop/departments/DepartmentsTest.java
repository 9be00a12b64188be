package org.onestop.departments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code onestop.departments} as start-up binds it. */
class DepartmentsTest {

    @EnableConfigurationProperties(Departments.class)
    static class Settings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void noDepartmentsByDefaultAndTheCitysInOrder() {
        startUp.run(context -> assertThat(context.getBean(Departments.class).departments()).isEmpty());
        startUp.withPropertyValues("onestop.departments[0].id=roads", "onestop.departments[0].name=Roads",
                        "onestop.departments[1].id=water", "onestop.departments[1].name=Water and wastewater")
                .run(context -> {
                    Departments departments = context.getBean(Departments.class);
                    assertThat(departments.departments()).extracting(Departments.Department::id).containsExactly("roads", "water");
                    assertThat(departments.nameOf("water")).isEqualTo("Water and wastewater");
                });
    }

    @Test
    void aDepartmentWithoutIdOrNameIsRefused() {
        refuses(startUp, "onestop.departments[0].name=Roads", "onestop", "id");
        refuses(startUp, "onestop.departments[0].id=roads", "onestop", "name");
    }
}
