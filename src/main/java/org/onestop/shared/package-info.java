/**
 * What every feature may use and what depends on nothing of ours: the exceptions a feature throws for bad input
 * ({@link org.onestop.shared.InvalidRequestException}, a 400) and for something that does not exist
 * ({@link org.onestop.shared.NotFoundException}, a 404). The web layer turns them into responses.
 * <p>
 * A shared module ({@code OneStopApplication}'s {@code @Modulithic}): every module may depend on it without saying so.
 */
@ApplicationModule(allowedDependencies = {})
package org.onestop.shared;

import org.springframework.modulith.ApplicationModule;
