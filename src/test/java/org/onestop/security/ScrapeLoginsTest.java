package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The scrape's logins go on while the database is out of reach, for the scrape users who logged in before, and only for them. */
class ScrapeLoginsTest {

    /** The identity service: "good" is the password, groups per user; or the database is out of reach. */
    private final AtomicReference<RuntimeException> database = new AtomicReference<>();
    private final AuthenticationProvider identity = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication login) {
            if (database.get() != null) {
                throw database.get();
            }
            if (!"good".equals(login.getCredentials())) {
                throw new BadCredentialsException("Wrong user name or password");
            }
            String group = login.getName().equals("prometheus") ? "GROUP_monitoring" : "GROUP_contact-centre";
            return UsernamePasswordAuthenticationToken.authenticated(login.getName(), null, List.of(new SimpleGrantedAuthority(group)));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };
    private final ScrapeLogins logins = new ScrapeLogins(identity, Set.of("GROUP_monitoring", "GROUP_camunda-admin"));

    @Test
    void aScrapeUserWhoLoggedInBeforeStillDoesWhileTheDatabaseIsOutOfReach() {
        assertThat(logins.authenticate(login("prometheus", "good")).isAuthenticated()).isTrue();
        database.set(new DataAccessResourceFailureException("connection refused"));

        Authentication during = logins.authenticate(login("prometheus", "good"));
        assertThat(during.isAuthenticated()).isTrue();
        assertThat(during.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("GROUP_monitoring");
        assertThatThrownBy(() -> logins.authenticate(login("prometheus", "guess"))).isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void othersAreNotRememberedNorIsAnyoneWhoNeverLoggedIn() {
        logins.authenticate(login("agent", "good"));
        database.set(new DataAccessResourceFailureException("connection refused"));
        assertThatThrownBy(() -> logins.authenticate(login("agent", "good"))).isInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> logins.authenticate(login("prometheus", "good"))).isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void onlyAnOutageOpensTheDoorAndAChangedPasswordClosesIt() {
        logins.authenticate(login("prometheus", "good"));
        database.set(new IllegalStateException("some other fault"));
        assertThatThrownBy(() -> logins.authenticate(login("prometheus", "good"))).isInstanceOf(IllegalStateException.class);

        // The password was changed: the old one fails while the database answers, and so is forgotten.
        database.set(new BadCredentialsException("Wrong user name or password"));
        assertThatThrownBy(() -> logins.authenticate(login("prometheus", "good"))).isInstanceOf(BadCredentialsException.class);
        database.set(new DataAccessResourceFailureException("connection refused"));
        assertThatThrownBy(() -> logins.authenticate(login("prometheus", "good"))).isInstanceOf(DataAccessResourceFailureException.class);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
