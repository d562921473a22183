package org.tokengov.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven through Selenium, with
 * the steps a person takes in Tasklist and its Camunda Forms: log in, pick a filter, fill a field found by its
 * label, choose an option, press a button. Every screenshot lands in {@code target/<folder>/}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("test.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration KEYSTROKE = Duration.ofMillis(15);

    private final WebDriver driver;
    private final Path screenshots;
    private int shots;

    public HeadlessChromium(String folder) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (.ci/run does this)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        screenshots = Path.of("target", folder);
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Camunda's login form (the webapps' own, in the embedded default), then waits for the Tasklist to load. */
    public void logInToTasklist(String baseUrl, String username, String password) {
        driver.manage().deleteAllCookies();
        open(baseUrl + "/camunda/app/tasklist/default/#/login");
        logInOnThisPage(username, password);
        visible(By.xpath("//a[contains(normalize-space(), 'Start process')]"));
    }

    /** Fills and submits the login form of the webapp page that is open (any of Camunda's webapps). */
    public void logInOnThisPage(String username, String password) {
        // The form renders while its username field takes the focus, which can pull keys meant for the password into
        // it: fill both until both hold what was typed.
        By user = By.cssSelector("form[name=signinForm] input[type=text]");
        By secret = By.cssSelector("form[name=signinForm] input[type=password]");
        new WebDriverWait(driver, PATIENCE).until(browser -> {
            fill(user, username);
            fill(secret, password);
            return username.equals(browser.findElement(user).getDomProperty("value"));
        });
        click(By.cssSelector("form[name=signinForm] button[type=submit]"));
    }

    public void chooseFilter(String name) {
        click(By.xpath("//div[contains(@class, 'task-filter')]//h4/a[contains(normalize-space(), '" + name + "')]"));
    }

    /** Opens the first task whose name contains the text, reloading the list until the engine has created it. */
    public void openTask(String nameContains) {
        By task = By.xpath("//ol[contains(@class, 'tasks-list')]//a[contains(normalize-space(), '" + nameContains
                + "')]");
        new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until(browser -> {
            List<WebElement> found = browser.findElements(task);
            if (!found.isEmpty() && found.get(0).isDisplayed()) {
                return true;
            }
            browser.navigate().refresh();
            return false;
        });
        click(task);
    }

    /** The input of a Camunda Form field, found through the label that names it. */
    private By labelled(String label) {
        return By.id(visible(By.xpath("//label[contains(normalize-space(), '" + label + "')]")).getAttribute("for"));
    }

    /**
     * Replaces the field's text as a person would: select all, type at a person's pace, and look. Camunda Forms' text
     * area can drop the first keys while it re-renders after another field changed, and a notice may cover it for a
     * moment; then, like a person, try again.
     */
    public void type(String label, String text) {
        fill(labelled(label), text);
    }

    private void fill(By field, String text) {
        new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class).until(browser -> {
            WebElement input = ExpectedConditions.elementToBeClickable(field).apply(browser);
            if (input == null) {
                return false;
            }
            // Tasklist's notices float over the bottom of the form for a few seconds: from the middle it is reachable.
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
            input.click();
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            Actions typing = new Actions(browser);
            for (char key : text.toCharArray()) {
                typing.sendKeys(String.valueOf(key)).pause(KEYSTROKE);
            }
            typing.perform();
            return text.equals(input.getDomProperty("value"));
        });
    }

    public boolean enabled(String buttonText) {
        return visible(button(buttonText)).isEnabled();
    }

    public void tick(String label) {
        WebElement box = new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.elementToBeClickable(labelled(label)));
        if (!box.isSelected()) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", box);
        }
    }

    /** A Camunda Forms select: open its list, pick the option shown with this text. */
    public void choose(String label, String option) {
        click(By.xpath("//div[contains(@class, 'fjs-form-field')][.//label[contains(normalize-space(), '" + label
                + "')]]//div[contains(@class, 'fjs-input-group')]"));
        click(By.xpath("//div[contains(@class, 'fjs-dropdownlist-item')][normalize-space() = '" + option + "']"));
    }

    public void press(String buttonText) {
        click(button(buttonText));
    }

    private static By button(String text) {
        return By.xpath("//button[normalize-space() = '" + text + "']");
    }

    public WebElement visible(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public String text(By locator) {
        return visible(locator).getText();
    }

    public Path screenshot(String step) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, step));
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(screenshots.resolve(String.format("%02d-%s.html", shots, step)), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Scrolls the element to the middle first (Tasklist's fixed footer covers the bottom of the task form), and tries
     * again while the form is still laying itself out and something else is in the way, or the list was re-rendered
     * between finding the element and clicking it.
     */
    private void click(By locator) {
        new WebDriverWait(driver, PATIENCE).ignoring(ElementClickInterceptedException.class)
                .ignoring(StaleElementReferenceException.class).until(browser -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(browser);
            if (element == null) {
                return false;
            }
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
            return true;
        });
    }

    @Override
    public void close() {
        driver.quit();
    }
}
