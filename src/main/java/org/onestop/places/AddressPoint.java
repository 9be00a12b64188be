package org.onestop.places;

/** One civic address of the city's address register and where it is. */
public record AddressPoint(String address, double latitude, double longitude) {
}
