/**
 * Where things are in the city: its address points ({@link org.onestop.places.AddressRegister}), its wards and their
 * boundaries ({@link org.onestop.places.Wards}) and distances. Cases, the residents' map, the console and the
 * councillors' office groups all build on it, so it depends on no other feature.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package org.onestop.places;

import org.springframework.modulith.ApplicationModule;
