package org.onestop.migration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.migration.Migrations.Migration;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving a service's running cases to the latest version of its process, through Camunda's migration API. Only the
 * service's own process instance moves (the one the case lifecycle's {@code Task_FulfilServiceRequest} called, its
 * business key the case reference); the lifecycle, its standard timers and the case's due dates stay as they are.
 * The engine is called without an authenticated user, so it runs as OneStop itself: who may is the access policy's
 * rule, checked by the pages and the API, and the process owner needs no engine right for batches.
 */
@Service
public class RunningCaseMigration {

    /** Versions of one process looked at, newest first (a service deployed more often keeps older ones without cases). */
    static final int VERSIONS = 200;
    /** Failed batch jobs shown per migration. */
    static final int FAILURES = 20;
    static final int MAX_REFERENCE = 64;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    /** A process instance id in the engine's messages: "Cannot migrate process instance '…'", "Process instance with id '…'". */
    private static final Pattern INSTANCE_ID = Pattern.compile("process instance (?:with id )?'([^']{1,64})'",
            Pattern.CASE_INSENSITIVE);

    public record Version(int version, String definitionId, long runningCases, boolean latest) {
    }

    /** A service's versions: the latest, and every older one cases still run on. */
    public record Overview(String serviceCode, String serviceName, String processKey, Version latest, List<Version> older) {
        public long casesOnOlder() {
            return older.stream().mapToLong(Version::runningCases).sum();
        }
    }

    /** A mapped activity: cases at the source activity continue at the target one. */
    public record Mapped(String sourceId, String sourceName, String targetId, String targetName, long runningCases) {
    }

    /** An activity cases wait at in the old version that the plan cannot map. */
    public record Unmapped(String activityId, String name, long runningCases) {
    }

    /** The generated plan from one version to the latest, and what stands in its way. */
    public record Plan(Overview service, Version source, Version target, boolean valid, List<Mapped> mapped,
                       List<Unmapped> unmapped, List<String> problems, List<String> newInTarget, boolean underWay) {
        /** Whether every running case of the source could move: a valid plan that maps every waiting activity. */
        public boolean movable() {
            return valid && unmapped.isEmpty();
        }
    }

    /** A batch's progress: its jobs (one per case) remaining, done and failed, and the failures. */
    public record Progress(Migration migration, boolean finished, long total, long remaining, long completed, long failed,
                           List<Failure> failures) {
    }

    /** A failed batch job: the engine's message, and the cases it names. */
    public record Failure(String message, int retriesLeft, List<String> caseReferences) {
    }

    private final ServiceCatalogue catalogue;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;
    private final Migrations migrations;
    private final Clock clock;

    RunningCaseMigration(ServiceCatalogue catalogue, RepositoryService repository, RuntimeService runtime,
                         ManagementService management, IdentityService identity, Migrations migrations, Clock clock) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
        this.migrations = migrations;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    public Overview overview(String serviceCode) {
        ServiceDefinition service = catalogue.find(serviceCode)
                .orElseThrow(() -> new NotFoundException("no service '" + shorten(serviceCode) + "'"));
        String key = service.processKey();
        Map<String, Long> running = new LinkedHashMap<>();
        for (ProcessDefinitionStatistics s : management.createProcessDefinitionStatisticsQuery().list()) {
            if (key.equals(s.getKey())) {
                running.put(s.getId(), (long) s.getInstances());
            }
        }
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .withoutTenantId().orderByProcessDefinitionVersion().desc().listPage(0, VERSIONS);
        if (definitions.isEmpty()) {
            throw new NotFoundException("no process '" + key + "' deployed for service '" + serviceCode + "'");
        }
        ProcessDefinition newest = definitions.get(0);
        Version latest = new Version(newest.getVersion(), newest.getId(), running.getOrDefault(newest.getId(), 0L), true);
        List<Version> older = definitions.stream().skip(1)
                .map(d -> new Version(d.getVersion(), d.getId(), running.getOrDefault(d.getId(), 0L), false))
                .filter(v -> v.runningCases() > 0).toList();
        return new Overview(service.code(), service.name(), key, latest, older);
    }

    /** The plan from a version to the latest: every activity of the same id mapped, and what cannot be. */
    public Plan plan(String serviceCode, Integer fromVersion) {
        Overview overview = overview(serviceCode);
        Version source = source(overview, fromVersion);
        return plan(overview, source);
    }

    private Plan plan(Overview overview, Version source) {
        Version target = overview.latest();
        BpmnModelInstance from = repository.getBpmnModelInstance(source.definitionId());
        BpmnModelInstance to = repository.getBpmnModelInstance(target.definitionId());
        Map<String, Long> waiting = new LinkedHashMap<>();
        for (ActivityStatistics s : management.createActivityStatisticsQuery(source.definitionId()).list()) {
            waiting.put(s.getId(), (long) s.getInstances());
        }
        List<String> problems = new ArrayList<>();
        List<MigrationInstruction> instructions = List.of();
        boolean valid = true;
        try {
            instructions = build(source, target).getInstructions();
        } catch (MigrationPlanValidationException e) {
            valid = false;
            for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
                MigrationInstruction i = report.getMigrationInstruction();
                report.getFailures().forEach(f -> problems.add("'" + name(from, i.getSourceActivityId()) + "' → '"
                        + name(to, i.getTargetActivityId()) + "': " + f));
            }
            e.getValidationReport().getVariableReports().forEach((variable, report) ->
                    report.getFailures().forEach(f -> problems.add("variable '" + variable + "': " + f)));
        }
        Set<String> mappedSources = new LinkedHashSet<>();
        Set<String> mappedTargets = new LinkedHashSet<>();
        List<Mapped> mapped = new ArrayList<>();
        for (MigrationInstruction i : instructions) {
            mappedSources.add(i.getSourceActivityId());
            mappedTargets.add(i.getTargetActivityId());
            mapped.add(new Mapped(i.getSourceActivityId(), name(from, i.getSourceActivityId()), i.getTargetActivityId(),
                    name(to, i.getTargetActivityId()), waiting.getOrDefault(i.getSourceActivityId(), 0L)));
        }
        List<Unmapped> unmapped = waiting.entrySet().stream()
                .filter(w -> w.getValue() > 0 && !mappedSources.contains(w.getKey()))
                .map(w -> new Unmapped(w.getKey(), name(from, w.getKey()), w.getValue())).toList();
        List<String> newInTarget = valid ? to.getModelElementsByType(Activity.class).stream()
                .filter(a -> !mappedTargets.contains(a.getId())).map(a -> name(to, a.getId())).sorted().toList() : List.of();
        // In the order the steps stand in the old version's file (the engine's plan has none).
        List<String> order = from.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList();
        mapped.sort(Comparator.comparingInt(m -> order.indexOf(m.sourceId())));
        return new Plan(overview, source, target, valid, mapped, unmapped, problems, newInTarget, underWay(overview, source));
    }

    /** Whether a batch moving the cases of this version to the latest is still running. */
    private boolean underWay(Overview overview, Version source) {
        return migrations.ofService(overview.serviceCode()).stream()
                .filter(m -> m.batchId() != null && m.sourceVersion() == source.version() && m.targetVersion() == overview.latest().version())
                .anyMatch(m -> !progress(m).finished());
    }

    public List<Migration> history(String serviceCode) {
        return migrations.ofService(overview(serviceCode).serviceCode());
    }

    /** A migration's progress: for a batch the engine's figures while it runs, and its failed jobs. */
    public Progress progress(String serviceCode, long id) {
        Migration migration = migrations.find(serviceCode, id)
                .orElseThrow(() -> new NotFoundException("no migration " + id + " of service '" + shorten(serviceCode) + "'"));
        return progress(migration);
    }

    public List<Progress> progressOfHistory(String serviceCode) {
        return history(serviceCode).stream().map(this::progress).toList();
    }

    private Progress progress(Migration m) {
        if (m.batchId() == null) {
            return new Progress(m, true, m.cases(), 0, m.cases(), 0, List.of());
        }
        BatchStatistics stats = management.createBatchStatisticsQuery().batchId(m.batchId()).singleResult();
        Batch batch = management.createBatchQuery().batchId(m.batchId()).singleResult();
        if (stats == null || batch == null) {
            // The engine removes a batch once its every job has run: all moved.
            return new Progress(m, true, m.cases(), 0, m.cases(), 0, List.of());
        }
        List<Failure> failures = new ArrayList<>();
        for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withException()
                .orderByJobId().asc().listPage(0, FAILURES)) {
            failures.add(new Failure(job.getExceptionMessage(), job.getRetries(), referencesIn(job.getExceptionMessage())));
        }
        // Until the seed job has made them, the cases' jobs are not counted: the total is the cases taken.
        long total = Math.max(stats.getTotalJobs(), m.cases());
        long completed = stats.getCompletedJobs();
        return new Progress(m, false, total, total - completed, completed, stats.getFailedJobs(), failures);
    }

    private List<String> referencesIn(String message) {
        if (message == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = INSTANCE_ID.matcher(message);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                .map(ProcessInstance::getBusinessKey).filter(k -> k != null).sorted().toList();
    }

    // ---------------------------------------------------------------- moving

    /** Moves one case (by its reference) from a version to the latest, at once. Refused (400) when it cannot move. */
    @Transactional
    public Migration tryOne(String serviceCode, Integer fromVersion, String reference, String actor) {
        Overview overview = overview(serviceCode);
        Map<String, String> errors = new LinkedHashMap<>();
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty()) {
            errors.put("reference", "is required");
        } else if (ref.length() > MAX_REFERENCE || !REFERENCE.matcher(ref).matches()) {
            errors.put("reference", "is not a case reference (letters, digits and dashes, at most " + MAX_REFERENCE + ")");
        }
        Version source = sourceOrError(overview, fromVersion, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionId(source.definitionId())
                .processInstanceBusinessKey(ref).singleResult();
        if (instance == null) {
            throw new NotFoundException("no case '" + ref + "' of " + overview.serviceCode() + " runs on version " + source.version());
        }
        Plan plan = plan(overview, source);
        requireValid(plan);
        MigrationPlan migrationPlan = build(source, plan.target());
        try {
            asOneStop(() -> runtime.newMigration(migrationPlan).processInstanceIds(instance.getId()).execute());
        } catch (MigratingProcessInstanceValidationException e) {
            throw new InvalidRequestException("reference", "cannot be moved: " + String.join("; ", failures(e)));
        }
        return migrations.add(overview.serviceCode(), overview.processKey(), source.version(), plan.target().version(),
                plan.target().definitionId(), ref, 1, null, actor, clock.instant());
    }

    /** Moves every case on a version to the latest as a Camunda batch (its jobs run on the job executor). */
    @Transactional
    public Migration moveAll(String serviceCode, Integer fromVersion, String actor) {
        Overview overview = overview(serviceCode);
        Version source = source(overview, fromVersion);
        if (source.runningCases() == 0) {
            throw new InvalidRequestException("fromVersion", "has no running cases to move");
        }
        Plan plan = plan(overview, source);
        requireValid(plan);
        if (plan.underWay()) {
            throw new InvalidRequestException("fromVersion", "is being moved already: wait until that migration has finished");
        }
        if (!plan.unmapped().isEmpty()) {
            throw new InvalidRequestException("fromVersion", "has cases waiting where the new version has no matching step: "
                    + String.join(", ", plan.unmapped().stream().map(u -> "'" + u.name() + "' (" + u.runningCases() + ")").toList())
                    + "; wait until they have passed it, or keep that step (same id) in the new version");
        }
        MigrationPlan migrationPlan = build(source, plan.target());
        Batch batch = asOneStop(() -> runtime.newMigration(migrationPlan)
                .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(source.definitionId()))
                .executeAsync());
        return migrations.add(overview.serviceCode(), overview.processKey(), source.version(), plan.target().version(),
                plan.target().definitionId(), null, batch.getTotalJobs() > 0 ? batch.getTotalJobs() : (int) source.runningCases(),
                batch.getId(), actor, clock.instant());
    }

    // ---------------------------------------------------------------- parts

    private MigrationPlan build(Version source, Version target) {
        return runtime.createMigrationPlan(source.definitionId(), target.definitionId()).mapEqualActivities().build();
    }

    private static void requireValid(Plan plan) {
        if (!plan.valid()) {
            throw new InvalidRequestException("fromVersion", "cannot be moved to version " + plan.target().version() + ": "
                    + String.join("; ", plan.problems()));
        }
    }

    private static Version source(Overview overview, Integer fromVersion) {
        Map<String, String> errors = new LinkedHashMap<>();
        Version source = sourceOrError(overview, fromVersion, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return source;
    }

    /** The version cases move from: an older one with running cases. */
    private static Version sourceOrError(Overview overview, Integer fromVersion, Map<String, String> errors) {
        if (fromVersion == null) {
            errors.put("fromVersion", "is required");
            return null;
        }
        if (fromVersion == overview.latest().version()) {
            errors.put("fromVersion", "is the latest version: its cases have nothing to move to");
            return null;
        }
        return overview.older().stream().filter(v -> v.version() == fromVersion).findFirst().orElseGet(() -> {
            errors.put("fromVersion", "is not a version of " + overview.serviceCode() + " that cases run on (versions: "
                    + String.join(", ", overview.older().stream().map(v -> String.valueOf(v.version())).toList()) + ")");
            return null;
        });
    }

    /**
     * Runs an engine call as OneStop itself, without the caller's engine authorizations: the access policy has already
     * decided. Requests of our pages carry no engine authentication; this makes sure of it.
     */
    private <T> T asOneStop(java.util.function.Supplier<T> call) {
        var current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    private void asOneStop(Runnable call) {
        asOneStop(() -> {
            call.run();
            return null;
        });
    }

    private static List<String> failures(MigratingProcessInstanceValidationException e) {
        List<String> out = new ArrayList<>(e.getValidationReport().getFailures());
        for (MigratingActivityInstanceValidationReport r : e.getValidationReport().getActivityInstanceReports()) {
            r.getFailures().forEach(f -> out.add("at '" + r.getSourceScopeId() + "': " + f));
        }
        for (MigratingTransitionInstanceValidationReport r : e.getValidationReport().getTransitionInstanceReports()) {
            r.getFailures().forEach(f -> out.add("at '" + r.getSourceScopeId() + "': " + f));
        }
        return out.isEmpty() ? List.of(e.getMessage()) : out;
    }

    private static String name(BpmnModelInstance model, String id) {
        ModelElementInstance element = id == null ? null : model.getModelElementById(id);
        if (element instanceof FlowElement flow && flow.getName() != null && !flow.getName().isBlank()) {
            return flow.getName();
        }
        return id;
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
