package org.onestop.open311;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What an app sent with a request through Open311 beyond the case itself: the key it used, its media URL, ids. */
@Entity
@Table(name = "open311_request")
class Open311Request {

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "api_key_id", nullable = false)
    private Long apiKeyId;

    @Column(name = "media_url")
    private String mediaUrl;

    @Column(name = "address_id")
    private String addressId;

    /** Never shown by the public API. */
    @Column(name = "device_id")
    private String deviceId;

    @Column(name = "account_id")
    private String accountId;

    protected Open311Request() {
    }

    Open311Request(Long caseId, Long apiKeyId, String mediaUrl, String addressId, String deviceId, String accountId) {
        this.caseId = caseId;
        this.apiKeyId = apiKeyId;
        this.mediaUrl = mediaUrl;
        this.addressId = addressId;
        this.deviceId = deviceId;
        this.accountId = accountId;
    }

    Long getCaseId() { return caseId; }
    Long getApiKeyId() { return apiKeyId; }
    String getMediaUrl() { return mediaUrl; }
    String getAddressId() { return addressId; }
    String getDeviceId() { return deviceId; }
    String getAccountId() { return accountId; }
}
