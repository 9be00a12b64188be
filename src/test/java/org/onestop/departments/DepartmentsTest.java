package org.onestop.departments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.testing.StartUpSettings.refuses;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code onestop.departments}, the first start's seed, as start-up binds it; and {@link Departments} itself. */
class DepartmentsTest {

    @EnableConfigurationProperties(DepartmentSeed.class)
    static class Settings {
    }

    private final ApplicationContextRunner startUp = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void noSeedByDefaultAndTheCitysInOrderWithTheirContacts() {
        startUp.run(context -> assertThat(context.getBean(DepartmentSeed.class).departments()).isEmpty());
        startUp.withPropertyValues("onestop.departments[0].id=roads", "onestop.departments[0].name=Roads",
                        "onestop.departments[0].phone=905-555-0110", "onestop.departments[0].email=roads@example.org",
                        "onestop.departments[1].id=water", "onestop.departments[1].name=Water and wastewater",
                        "onestop.departments[1].name-fr=Eau")
                .run(context -> {
                    List<Departments.Department> seed = context.getBean(DepartmentSeed.class).departments();
                    assertThat(seed).extracting(Departments.Department::id).containsExactly("roads", "water");
                    assertThat(seed.get(0).phone()).isEqualTo("905-555-0110");
                    assertThat(seed.get(0).email()).isEqualTo("roads@example.org");
                    assertThat(seed.get(1).nameFr()).isEqualTo("Eau");
                });
    }

    @Test
    void aDepartmentWithoutIdOrNameIsRefused() {
        refuses(startUp, "onestop.departments[0].name=Roads", "onestop", "id");
        refuses(startUp, "onestop.departments[0].id=roads", "onestop", "name");
    }

    @Test
    void namesAndGroups() {
        Departments departments = new Departments(List.of(new Departments.Department("water", "Water", "Eau")));
        assertThat(departments.nameOf("water", Locale.FRENCH)).isEqualTo("Eau");
        assertThat(departments.nameOf("water")).isEqualTo("Water");
        assertThat(departments.nameOf("elsewhere")).isEqualTo("elsewhere");
        assertThat(departments.find("water").orElseThrow().groups())
                .containsExactly("water", "water-supervisors", "water-oncall", "water-head");
        departments.replace(List.of());
        assertThat(departments.departments()).isEmpty();
    }
}
