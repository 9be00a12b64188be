package org.onestop.departments;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Adds and changes departments, and keeps this node's {@link Departments} in step with the table: at once after a
 * change made here, and within {@code onestop.department-check} (20 s by default) after one made on another node.
 * Saving publishes {@link DepartmentSaved} in the same transaction (security makes the engine groups and their rights).
 */
@Service
public class DepartmentRegistry {

    private static final Logger log = LoggerFactory.getLogger(DepartmentRegistry.class);

    /** A department's id is a group id: lower-case letters, digits and single hyphens, 2 to 40 characters. */
    public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    public static final int MAX_ID = 40;
    public static final int MAX_NAME = 200;
    public static final int MAX_PHONE = 40;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_DESCRIPTION = 2000;
    private static final Pattern PHONE = Pattern.compile("^[+]?[0-9][0-9 ().\\-/]*( ?(ext\\.?|x) ?[0-9]{1,6})?$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The field messages (the API's words; the page says each in the page's language). */
    public static final String REQUIRED = "is required";
    public static final String BAD_ID = "must be lower-case letters, digits and single hyphens, starting with a letter (a group id)";
    public static final String ID_TOO_LONG = "must be at most " + MAX_ID + " characters";
    public static final String GROUP_SUFFIX = "must not end in -supervisors, -oncall or -head (OneStop adds those groups itself)";
    public static final String TAKEN = "is already a department";
    public static final String OTHER_GROUP = "is already the id of a group that is not a department's";
    public static final String TOO_LONG = "is too long";
    public static final String BAD_PHONE = "must be a phone number (digits, spaces, + ( ) . - /, and an extension as ext 123)";
    public static final String BAD_EMAIL = "must be an e-mail address";

    private final DepartmentTable table;
    private final Departments departments;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile DepartmentTable.Version loaded;

    DepartmentRegistry(DepartmentTable table, Departments departments, IdentityService identity,
                       ApplicationEventPublisher events, Clock clock) {
        this.table = table;
        this.departments = departments;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
        this.loaded = table.version();
    }

    /** The application's {@link Departments}: the table's, filled from {@code onestop.departments} when empty. */
    @Configuration(proxyBeanMethods = false)
    static class Setup {

        @Bean
        Departments departments(DepartmentTable table, DepartmentSeed seed, Clock clock) {
            if (table.version().count() == 0) {
                for (Departments.Department d : seed.departments()) {
                    try {
                        table.insert(clean(d), clock.instant(), "onestop.departments");
                    } catch (DuplicateKeyException anotherNodeWasFirst) {
                        log.debug("Department {} was seeded by another node", d.id());
                    }
                }
                if (!seed.departments().isEmpty()) {
                    log.info("Wrote the {} departments of onestop.departments into the department table", seed.departments().size());
                }
            }
            return new Departments(table.all());
        }
    }

    public List<Departments.Department> all() {
        return departments.departments();
    }

    public Departments.Department get(String id) {
        return departments.find(id).or(() -> table.all().stream().filter(d -> d.id().equals(id)).findFirst())
                .orElseThrow(() -> new NotFoundException("no department '" + id + "'"));
    }

    /** Adds a department, with its engine groups and their rights; a bad field refuses it whole. */
    @Transactional
    public Departments.Department add(Departments.Department input, String actor) {
        Departments.Department d = clean(input);
        Map<String, String> errors = errors(d);
        if (!errors.containsKey("id")) {
            if (table.exists(d.id())) {
                errors.put("id", TAKEN);
            } else if (takenByAnotherGroup(d)) {
                errors.put("id", OTHER_GROUP);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        try {
            table.insert(d, clock.instant(), actor);
        } catch (DuplicateKeyException e) {
            throw new InvalidRequestException("id", TAKEN);
        }
        events.publishEvent(new DepartmentSaved(d, true));
        log.info("{} added the department {} ({})", actor, d.id(), d.name());
        reloadAfterCommit();
        return d;
    }

    /** Changes a department's names and contacts (its id, the group id, stays). */
    @Transactional
    public Departments.Department change(String id, Departments.Department input, String actor) {
        Departments.Department d = clean(new Departments.Department(id, input.name(), input.nameFr(), input.phone(),
                input.email(), input.description()));
        get(id);
        Map<String, String> errors = errors(d);
        errors.remove("id");
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (!table.update(d, clock.instant(), actor)) {
            throw new NotFoundException("no department '" + id + "'");
        }
        events.publishEvent(new DepartmentSaved(d, false));
        log.info("{} changed the department {}", actor, d.id());
        reloadAfterCommit();
        return d;
    }

    /** Reloads when the table changed since this node last loaded it (a change made on another node). */
    @Scheduled(fixedDelayString = "${onestop.department-check:PT20S}", initialDelayString = "${onestop.department-check:PT20S}")
    public void check() {
        DepartmentTable.Version now = table.version();
        if (!now.equals(loaded)) {
            reload(now);
        }
    }

    private void reload(DepartmentTable.Version version) {
        departments.replace(table.all());
        loaded = version;
        log.info("Departments reloaded: {}", departments.departments().size());
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload(table.version());
                }
            });
        } else {
            reload(table.version());
        }
    }

    private boolean takenByAnotherGroup(Departments.Department d) {
        List<String> groups = d.groups();
        for (Group group : identity.createGroupQuery().groupIdIn(groups.toArray(String[]::new)).list()) {
            String type = Departments.GROUP_TYPES.get(groups.indexOf(group.getId()));
            if (!type.equals(group.getType())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> errors(Departments.Department d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.id() == null) {
            errors.put("id", REQUIRED);
        } else if (d.id().length() > MAX_ID) {
            errors.put("id", ID_TOO_LONG);
        } else if (d.id().length() < 2 || !ID.matcher(d.id()).matches()) {
            errors.put("id", BAD_ID);
        } else if (d.id().endsWith("-supervisors") || d.id().endsWith("-oncall") || d.id().endsWith("-head")) {
            errors.put("id", GROUP_SUFFIX);
        }
        if (d.name() == null) {
            errors.put("name", REQUIRED);
        } else if (d.name().length() > MAX_NAME) {
            errors.put("name", TOO_LONG);
        }
        if (d.nameFr() != null && d.nameFr().length() > MAX_NAME) {
            errors.put("nameFr", TOO_LONG);
        }
        if (d.phone() != null && (d.phone().length() > MAX_PHONE || !PHONE.matcher(d.phone()).matches())) {
            errors.put("phone", BAD_PHONE);
        }
        if (d.email() != null && (d.email().length() > MAX_EMAIL || !EMAIL.matcher(d.email()).matches())) {
            errors.put("email", BAD_EMAIL);
        }
        if (d.description() != null && d.description().length() > MAX_DESCRIPTION) {
            errors.put("description", TOO_LONG);
        }
        return errors;
    }

    /** Trimmed, with blank optional fields as none. */
    private static Departments.Department clean(Departments.Department d) {
        return new Departments.Department(blankToNull(d.id()), blankToNull(d.name()), blankToNull(d.nameFr()),
                blankToNull(d.phone()), blankToNull(d.email()), blankToNull(d.description()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
