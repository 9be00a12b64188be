package org.onestop.webhooks;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookAttempts extends JpaRepository<WebhookAttempt, Long> {

    List<WebhookAttempt> findByDeliveryIdInOrderByDeliveryIdAscAttemptAsc(Collection<Long> deliveryIds);
}
