package org.onestop.customers;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A resident or business the city serves. Personal data stays here, never in the engine. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String phone;

    @Column(name = "phone_digits")
    private String phoneDigits;

    /** The digits backwards, so that "the last seven digits" is a prefix search on an index. */
    @Column(name = "phone_digits_reversed")
    private String phoneDigitsReversed;

    private String email;
    private String address;

    @Column(name = "preferred_channel", nullable = false)
    private String preferredChannel;

    /** The language of the customer's notices: "en" or "fr" (null: English). */
    private String language;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The staff member who recorded the customer in the console (a councillor's office sees those it recorded). */
    @Column(name = "created_by")
    private String createdBy;

    @Version
    private long version;

    protected Customer() {
    }

    Customer(String name, String phone, String email, String address, ContactPreference preferred, Instant now) {
        this.name = name;
        this.createdAt = now;
        update(name, phone, email, address, preferred, now);
    }

    void update(String name, String phone, String email, String address, ContactPreference preferred, Instant now) {
        this.name = name;
        this.phone = phone;
        this.phoneDigits = PhoneNumbers.digits(phone);
        this.phoneDigitsReversed = PhoneNumbers.reversed(phoneDigits);
        this.email = email == null ? null : email.trim().toLowerCase();
        this.address = address;
        this.preferredChannel = (preferred == null ? ContactPreference.defaultFor(phone, email) : preferred).name();
        this.updatedAt = now;
    }

    /** The language of this customer's notices, "en" or "fr", or null (English). */
    public String getLanguage() {
        return language;
    }

    void language(String language) {
        this.language = "fr".equals(language) || "en".equals(language) ? language : this.language;
    }

    /** Replaces one detail (an agent chose it, or the customer had none). */
    void change(DetailKind kind, String value, Instant now) {
        switch (kind) {
            case NAME -> this.name = value;
            case PHONE -> {
                this.phone = value;
                this.phoneDigits = PhoneNumbers.digits(value);
                this.phoneDigitsReversed = PhoneNumbers.reversed(phoneDigits);
            }
            case EMAIL -> this.email = value == null ? null : value.trim().toLowerCase();
            case ADDRESS -> this.address = value;
            case PREFERENCE -> this.preferredChannel = ContactPreference.fromCode(value).name();
        }
        this.updatedAt = now;
    }

    /** The recorded value of one detail, or null. */
    String recorded(DetailKind kind) {
        return switch (kind) {
            case NAME -> name;
            case PHONE -> phone;
            case EMAIL -> email;
            case ADDRESS -> address;
            case PREFERENCE -> getPreferredChannel().code();
        };
    }

    /** The details as recorded, with one of them replaced: what {@link #change} would leave, to validate first. */
    CustomerDetails detailsWith(DetailKind kind, String value) {
        return new CustomerDetails(kind == DetailKind.NAME ? value : name, kind == DetailKind.PHONE ? value : phone,
                kind == DetailKind.EMAIL ? value : email, kind == DetailKind.ADDRESS ? value : address,
                kind == DetailKind.PREFERENCE ? ContactPreference.fromCode(value) : getPreferredChannel());
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getAddress() { return address; }
    public ContactPreference getPreferredChannel() { return ContactPreference.valueOf(preferredChannel); }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    void recordedBy(String user) { this.createdBy = user; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
    public String getPhoneDigits() { return phoneDigits; }
}
