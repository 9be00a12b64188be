package org.onestop.customers;

/** Which of a customer's details a detail to confirm is about. */
public enum DetailKind {
    NAME("Name"), PHONE("Phone"), EMAIL("E-mail"), ADDRESS("Address"), PREFERENCE("Prefers");

    private final String label;

    DetailKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
