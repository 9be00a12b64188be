package org.onestop.notifications;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeSubscriptions extends JpaRepository<NoticeSubscription, Long> {
}
