package app.ponte.kommo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void brazilianNumbersBecomeE164WhateverTheirWriting() {
        for (String raw : new String[] {"(11) 98765-4321", "11987654321", "+55 11 98765-4321", "5511987654321",
                "011 98765-4321", "(11) 8765-4321"}) {
            assertEquals(Optional.of("+5511987654321"), Phones.e164(raw), raw);
        }
        assertEquals(Optional.of("+552134567890"), Phones.e164("(21) 3456-7890"));
    }

    @Test
    void foreignNumbersKeepTheirCountryCodeAndIncompleteOnesMatchNothing() {
        assertEquals(Optional.of("+14155550100"), Phones.e164("+1 415 555 0100"));
        assertEquals(Optional.empty(), Phones.e164("98765-4321"));
        assertEquals(Optional.empty(), Phones.e164("(10) 98765-4321"));
    }

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertEquals(Optional.of("maria.silva@example.com"), Phones.email("  Maria.Silva@EXAMPLE.com "));
        assertEquals(Optional.empty(), Phones.email("sem-arroba"));
    }
}
