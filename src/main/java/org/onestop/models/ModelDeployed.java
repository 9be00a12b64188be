package org.onestop.models;

/**
 * A deployment passed the model check and goes in, deployed by a signed-in user (Camunda Modeler, {@code /engine-rest},
 * Cockpit): the engine itself does not record who deployed, so {@link ModelGuard} tells whoever keeps it (the process
 * owners' "What is live" page). Published inside the deployment's transaction: if the deployment fails after all, what
 * a listener wrote in that transaction goes with it. The auto-deployment at start has no user and publishes nothing.
 */
public record ModelDeployed(String deploymentId, String deploymentName, String userId) {
}
