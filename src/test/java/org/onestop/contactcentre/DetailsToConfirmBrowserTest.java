package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NewCase;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser, with the keyboard only: the caller's page lists the details two requests brought; the agent uses
 * the new e-mail address and dismisses the phone number. axe-core checks the page with the list and after each choice.
 */
class DetailsToConfirmBrowserTest extends IntegrationTest {

    @Autowired
    CaseService cases;
    @Autowired
    CustomerService customers;

    @RegisterExtension
    final Browser browser = new Browser();

    private String pothole(CustomerDetails caller) {
        return cases.open(new NewCase("pothole", Channel.PHONE, "A hole by the curb.", null, caller, "120 King St E, Lakeport",
                null, null, null, Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")), "demo").getReference();
    }

    private WebElement row(String detail) {
        return browser.findElements(By.cssSelector("#details-to-confirm tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals(detail)).findFirst().orElseThrow();
    }

    @Test
    void anAgentUsesOneDetailAndDismissesAnotherWithTheKeyboard() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String tag = Long.toString(random.nextLong(1L << 40), 36);
        String phone = "(289) " + random.nextInt(200, 999) + "-" + String.format("%04d", random.nextInt(10000));
        String otherPhone = "(289) " + random.nextInt(200, 999) + "-" + String.format("%04d", random.nextInt(10000));
        pothole(new CustomerDetails("Kim Keyboard", phone, "kim." + tag + "@example.org", null, null));
        String withNewEmail = pothole(new CustomerDetails("Kim Keyboard", phone, "kim.new." + tag + "@example.org", null, null));
        pothole(new CustomerDetails("Kim Keyboard", otherPhone, "kim." + tag + "@example.org", null, null));
        Customer kim = customers.findOrCreate(new CustomerDetails("Kim Keyboard", null, "kim." + tag + "@example.org", null, null));

        browser.logIn(user("browser-confirm-agent", "contact-centre"), PASSWORD);
        browser.open("/console/customers/" + kim.getId());
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-to-confirm")));
        browser.assertAccessible();
        assertThat(row("E-mail").getText()).contains("kim.new." + tag + "@example.org", "kim." + tag + "@example.org", withNewEmail);
        assertThat(row("Phone").getText()).contains(otherPhone, phone);

        row("E-mail").findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Use this instead')]")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#details-to-confirm tbody tr"), 1));
        browser.assertAccessible();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("kim.new." + tag + "@example.org");

        row("Phone").findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Dismiss')]")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.numberOfElementsToBe(By.id("details-to-confirm"), 0));
        browser.assertAccessible();

        Customer after = customers.find(kim.getId()).orElseThrow();
        assertThat(after.getEmail()).isEqualTo("kim.new." + tag + "@example.org");
        assertThat(after.getPhone()).isEqualTo(phone);
    }
}
