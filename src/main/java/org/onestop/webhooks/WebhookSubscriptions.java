package org.onestop.webhooks;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookSubscriptions extends JpaRepository<WebhookSubscription, Long> {

    List<WebhookSubscription> findByActiveTrueOrderByIdAsc();

    List<WebhookSubscription> findAllByOrderByIdAsc();
}
