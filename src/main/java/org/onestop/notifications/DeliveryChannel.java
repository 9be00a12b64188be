package org.onestop.notifications;

/** A way to deliver a notice: e-mail, SMS. Throws when the notice was not delivered and should be tried again. */
public interface DeliveryChannel {

    /** The channel name stored on notices ({@code email}, {@code sms}). */
    String name();

    /** Whether the channel is configured to deliver at all; notices for an unconfigured channel wait. */
    boolean ready();

    void deliver(Notification notice) throws Exception;
}
