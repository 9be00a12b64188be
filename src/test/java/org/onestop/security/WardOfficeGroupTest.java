package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A ward's councillor's office group: its number where the name has one, else a slug; always a valid group id. */
class WardOfficeGroupTest {

    @Test
    void theWardsNumberNamesTheGroup() {
        assertThat(IdentityBootstrap.wardOfficeGroup("Ward 1 - Harbourfront")).isEqualTo("council-ward-1");
        assertThat(IdentityBootstrap.wardOfficeGroup("Ward 12")).isEqualTo("council-ward-12");
        assertThat(IdentityBootstrap.wardOfficeGroup("ward 03 – Old Town")).isEqualTo("council-ward-3");
        assertThat(IdentityBootstrap.wardOfficeGroup("Ward No. 7 (Escarpment)")).isEqualTo("council-ward-7");
    }

    @Test
    void aNameWithoutANumberBecomesASlug() {
        assertThat(IdentityBootstrap.wardOfficeGroup("Harbourfront")).isEqualTo("council-ward-harbourfront");
        assertThat(IdentityBootstrap.wardOfficeGroup("  Côte-des-Neiges / Notre-Dame  ")).isEqualTo("council-ward-cote-des-neiges-notre-dame");
        assertThat(IdentityBootstrap.wardOfficeGroup("Hollywood Ward")).isEqualTo("council-ward-hollywood-ward");
        String longName = IdentityBootstrap.wardOfficeGroup("The Very Long Historic Ward of the Old Harbour and the Escarpment Beyond It");
        assertThat(longName).hasSizeLessThanOrEqualTo(64).matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}").doesNotEndWith("-");
        assertThat(IdentityBootstrap.wardOfficeGroup("北区")).matches("council-ward-[0-9a-f]+")
                .isEqualTo(IdentityBootstrap.wardOfficeGroup("北区"));
    }

    @Test
    void aWardNeedsAName() {
        assertThatThrownBy(() -> IdentityBootstrap.wardOfficeGroup(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdentityBootstrap.wardOfficeGroup(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
