package org.onestop.catalogue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The city's services, read from the deployed models: every latest process definition that declares a
 * {@code serviceCode} property is a service; its questions are its start form. Adding a service is deploying files.
 * <p>
 * Kept in memory, so that asking costs no database connection: a request runs on the one connection its transaction
 * holds, never a second. The catalogue is rebuilt, on its own thread, when this node changes its models (at once,
 * see {@link DeploymentWatch}) and when a check every {@code onestop.catalogue.check-every} sees that the newest
 * deployment, the number of deployments or of suspended processes changed (another node's deployment). Start forms are
 * bound "latest", so any deployment, a form alone included, rebuilds every service's questions.
 * <p>
 * A caller outside a transaction (an API controller before it opens the case) waits for a pending rebuild, so that
 * what this node just deployed is there; a caller inside a transaction never waits, as it holds a connection
 * that the rebuild may need, and takes the catalogue as it is.
 */
@Service
public class ServiceCatalogue implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServiceCatalogue.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Snapshot(long generation, CatalogueReader.Marker marker, List<ServiceDefinition> services) {
    }

    private final CatalogueReader reader;
    private final RepositoryService repositoryService;
    private final DeploymentWatch watch;
    private final Duration checkEvery;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "service-catalogue");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot snapshot;
    private volatile boolean checkFailing;

    ServiceCatalogue(RepositoryService repositoryService, FormService formService, DeploymentWatch watch,
                     CatalogueProperties properties) {
        this.reader = new CatalogueReader(repositoryService, formService);
        this.repositoryService = repositoryService;
        this.watch = watch;
        this.checkEvery = properties.checkEvery();
    }

    /** Built before the application takes requests; then kept up to date. */
    @Override
    public void afterSingletonsInstantiated() {
        awaitRebuild();
        watch.onChange(() -> worker.execute(this::rebuildIfBehind));
        worker.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** Every service, public and staff-only, by group and name. */
    public List<ServiceDefinition> services() {
        return current().services();
    }

    public Optional<ServiceDefinition> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return services().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The property a user task has when it makes the case wait for the resident, who is then told its name. */
    public static final String WAITING_FOR_CUSTOMER = "waiting_for_customer";

    /**
     * The user tasks of a service's process whose names residents read (the case waits for them: property
     * {@code caseStatus = waiting_for_customer}), id → the model's (English) name. Their French is
     * {@code task.<id>.name} in the service's {@code .fr.properties} ({@link ServiceTexts#taskKey}).
     */
    public Map<String, String> residentTasks(ServiceDefinition service) {
        Map<String, String> tasks = new LinkedHashMap<>();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(service.processDefinitionId());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            ExtensionElements extensions = task.getExtensionElements();
            boolean waits = extensions != null && extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                    .flatMap(p -> p.getCamundaProperties().stream())
                    .anyMatch(p -> "caseStatus".equals(p.getCamundaName()) && WAITING_FOR_CUSTOMER.equals(p.getCamundaValue()));
            if (waits && task.getName() != null) {
                tasks.put(task.getId(), task.getName());
            }
        }
        return tasks;
    }

    /**
     * A task's name as residents read it in a language: the French of the service's task with that (English) name,
     * from its {@code .fr.properties}; the name as it is for English, an unknown service or task, or no French.
     */
    public String taskName(String serviceCode, String taskName, Locale locale) {
        if (taskName == null || locale == null || !"fr".equals(locale.getLanguage())) {
            return taskName;
        }
        return find(serviceCode).flatMap(service -> residentTasks(service).entrySet().stream()
                        .filter(task -> task.getValue().equals(taskName)).findFirst()
                        .map(task -> service.french().get(ServiceTexts.taskKey(task.getKey()))))
                .orElse(taskName);
    }

    /**
     * Whether a service's cases are private: its model says {@code privacy=private}, says nothing, or the service is
     * unknown (no longer deployed, suspended). Only a model that says {@code privacy=public} makes its cases public.
     */
    public boolean isPrivate(String serviceCode) {
        return find(serviceCode).map(ServiceDefinition::privateCases).orElse(true);
    }

    /**
     * The services a caller's own words point to, best first: each word is matched against the service's name,
     * keywords and description ("hole in the road", "my bin wasn't picked up"). Short and common words are ignored,
     * and a plural matches its singular. An empty query matches nothing.
     */
    public List<ServiceDefinition> match(String words, boolean publicOnly) {
        List<String> terms = terms(words);
        if (terms.isEmpty()) {
            return List.of();
        }
        record Scored(ServiceDefinition service, int score) {
        }
        return services().stream()
                .filter(s -> !publicOnly || s.publicService())
                .map(s -> new Scored(s, Math.max(score(s, terms), score(s.in(java.util.Locale.FRENCH), terms))))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.service().name()))
                .map(Scored::service)
                .toList();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || (current.generation() < watch.generation()
                && !TransactionSynchronizationManager.isActualTransactionActive())) {
            // Only before the first build can a caller inside a transaction get here (start-up).
            awaitRebuild();
            current = snapshot;
        }
        return current;
    }

    /** Waits for the worker to rebuild; the caller holds no connection the worker could need (see the class comment). */
    private void awaitRebuild() {
        try {
            worker.submit(this::rebuildIfBehind).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | ExecutionException e) {
            log.warn("The service catalogue could not be rebuilt in time; answering from the last one: {}", e.toString());
        }
        if (snapshot == null) {
            throw new IllegalStateException("The service catalogue could not be read from the engine");
        }
    }

    /** On the worker: a cheap look at the deployments; a rebuild when they changed (another node deployed). */
    private void check() {
        try {
            Snapshot current = snapshot;
            if (current == null || !reader.marker().equals(current.marker())) {
                rebuild();
            }
            checkFailing = false;
        } catch (RuntimeException e) {
            // Never let the periodic check die (an exception ends a scheduled task); say so once per outage.
            if (!checkFailing) {
                log.warn("Could not check the deployed models for the service catalogue; trying again every {}: {}", checkEvery, e.toString());
            }
            checkFailing = true;
        }
    }

    private void rebuildIfBehind() {
        Snapshot current = snapshot;
        if (current == null || current.generation() < watch.generation()) {
            rebuild();
        }
    }

    /** On the worker only. The marker is read first, so that a change during the build is seen by the next check. */
    private void rebuild() {
        long generation = watch.generation();
        CatalogueReader.Marker marker = reader.marker();
        List<ServiceDefinition> services = reader.services();
        snapshot = new Snapshot(generation, marker, services);
        log.debug("Service catalogue rebuilt: {} services", services.size());
    }

    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("the", "and", "for", "with", "was", "wasn",
            "not", "has", "have", "there", "this", "that", "from", "into", "our", "my", "a", "an", "in", "on", "at", "of",
            "is", "it", "to", "me", "we", "i", "by", "or", "be", "are", "been", "out", "up", "can", "t", "s");

    static List<String> terms(String words) {
        if (words == null) {
            return List.of();
        }
        String text = words.length() > 200 ? words.substring(0, 200) : words;
        return Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 2 && !STOP_WORDS.contains(w))
                .map(ServiceCatalogue::singular)
                .distinct()
                .toList();
    }

    private static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static int score(ServiceDefinition service, List<String> terms) {
        String name = service.name().toLowerCase(java.util.Locale.ROOT);
        String description = service.description().toLowerCase(java.util.Locale.ROOT);
        List<String> keywords = service.keywords().stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).toList();
        int score = 0;
        for (String term : terms) {
            if (keywords.stream().anyMatch(k -> k.equals(term) || singular(k).equals(term))) {
                score += 5;
            } else if (keywords.stream().anyMatch(k -> k.contains(term))) {
                score += 3;
            }
            if (name.contains(term)) {
                score += 3;
            }
            if (description.contains(term) || service.code().contains(term)) {
                score += 1;
            }
        }
        return score;
    }
}
