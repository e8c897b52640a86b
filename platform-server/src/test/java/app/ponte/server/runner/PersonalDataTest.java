package app.ponte.server.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** LGPD: which fields are documents or phones, and how they are shown to those who may not see them in full. */
class PersonalDataTest {

    @Test
    void documentsAndPhonesAreSensitiveButADialCodeIsNot() {
        for (String key : new String[] {"buyer.document", "buyer.cpf", "company.cnpj", "buyer.checkout_phone", "contact.phone",
                "contact.phone.number", "buyer.phone.local", "lead.telefone"}) {
            assertTrue(PersonalData.isSensitive(key), key);
        }
        for (String key : new String[] {"buyer.checkout_phone.ddd", "buyer.document_type", "buyer.name", "purchase.price.value",
                "product.id"}) {
            assertFalse(PersonalData.isSensitive(key), key);
        }
    }

    @Test
    void masksAllButTheLastTwoCharactersAndShortValuesEntirely() {
        assertEquals("•••••••••09", PersonalData.mask("12345678909"));
        assertEquals("••••", PersonalData.mask("1234"));
        assertEquals("", PersonalData.mask(""));
    }
}
