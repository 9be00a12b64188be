/**
 * What every feature needs to know about this installation: the city it serves (its name and time zone), where staff
 * and residents reach OneStop, and whether the demo data is on. Settings only; each feature's own settings live in
 * that feature (see the README's "Configuration" for every {@code onestop.*} key).
 * It depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package org.onestop.city;

import org.springframework.modulith.ApplicationModule;
