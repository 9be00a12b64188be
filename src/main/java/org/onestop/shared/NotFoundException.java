package org.onestop.shared;

/** The thing asked for does not exist (an unknown case reference, say). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
