package org.onestop.notifications;

import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeTokens extends JpaRepository<NoticeToken, String> {
}
