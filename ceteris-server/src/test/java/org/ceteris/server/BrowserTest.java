package org.ceteris.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.ceteris.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium: the home page, every study page, the generic view,
 * the SQL page and an exported report. Each page must draw every chart (an SVG with marks), show
 * its summary, log no console errors, and leaves a screenshot under {@code target/screenshots/}.
 */
class BrowserTest {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target", "screenshots");

    static CeterisServer server;
    static ChromeDriver driver;
    static Workspace workspace;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "browser tests need Debian's chromium and chromium-driver: run .ci/setup");
        workspace = TestWorkspace.shared();
        server = CeterisServer.start(workspace, ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--window-size=1280,2200");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    String url(String page) {
        return "http://127.0.0.1:" + server.port() + "/" + page;
    }

    @Test
    void homePageHasACardPerStudyWithSparklines() throws Exception {
        open(url(""), "home");
        List<WebElement> cards = driver.findElements(By.cssSelector("a.card"));
        assertEquals(5, cards.size());
        String home = cards.get(0).getText();
        assertTrue(home.contains("home_row") && home.contains("Clear increase") && home.contains("likely between"), home);
        assertTrue(cards.get(2).getText().contains("Check the data"), cards.get(2).getText());
        assertTrue(cards.get(3).getText().contains("Not run yet"), cards.get(3).getText());
        long withRuns = cards.stream().filter(c -> !c.getText().contains("Not run yet")).count();
        assertTrue(withRuns >= 3);
        assertEquals(withRuns, driver.findElements(By.cssSelector(".spark svg")).size(), "a sparkline on every card that has runs");
    }

    @Test
    void everyStudyPageDrawsItsChartsAndSummary() throws Exception {
        for (String study : List.of("home_row", "minutes_per_session", "skewed_split")) {
            open(url("study.html?name=" + study), "study-" + study);
            String summary = driver.findElement(By.cssSelector("p.summary")).getText();
            assertTrue(summary.contains("compared with control"), summary);
            assertEquals(2, driver.findElements(By.cssSelector(".chart svg")).size(), study + ": forest plot and history");
            assertTrue(driver.findElement(By.tagName("body")).getText().contains("Data checks"));
        }
        String skewed = driver.findElement(By.cssSelector(".diagnostics")).getText();
        assertTrue(skewed.contains("not the sizes the experiment was set up to give"), skewed);
        open(url("study.html?name=not_run_yet"), "study-not_run_yet");
        assertTrue(driver.findElement(By.cssSelector("p.summary")).getText().contains("has not been run yet"));
    }

    @Test
    void aMethodWithoutAChartGetsTheGenericView() throws Exception {
        open(url("study.html?name=home_row&view=generic"), "study-generic");
        WebElement generic = driver.findElement(By.cssSelector("section.generic"));
        assertTrue(generic.getText().contains("correction") && generic.getText().contains("metrics"), generic.getText());
        assertTrue(driver.findElement(By.cssSelector("p.summary")).getText().contains("increased watch minutes"));
    }

    @Test
    void everyMethodViewDrawsItsSampleResults() throws Exception {
        open(url("test/views-harness.html"), "views-harness");
        assertTrue(driver.findElements(By.cssSelector(".chart svg")).size() >= 4, "did (3 designs) and interactions");
    }

    @Test
    void runNowAddsARun() throws Exception {
        open(url("study.html?name=run_from_api"), "study-run-before");
        String before = driver.findElement(By.cssSelector(".study-head")).getText();
        int runs = ((Number) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[0]; Ceteris.api('api/studies/run_from_api').then(function (s) { done(s.runs); });")).intValue();
        String expected = (runs + 1) + " run" + (runs == 0 ? "" : "s") + " stored";
        driver.findElement(By.id("run-now")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElement(By.cssSelector(".study-head")).getText().equals(before));
        waitForCharts();
        assertTrue(driver.findElement(By.cssSelector(".study-head")).getText().contains(expected),
                driver.findElement(By.cssSelector(".study-head")).getText());
        screenshot("study-run-after");
        assertNoConsoleErrors("run now");
    }

    @Test
    void sqlPageShowsRowsAndRefusesWrites() throws Exception {
        open(url("sql.html"), "sql-empty");
        WebElement sql = driver.findElement(By.id("sql"));
        sql.clear();
        sql.sendKeys("SELECT variant, count(*) AS members FROM home_row GROUP BY 1 ORDER BY 1");
        driver.findElement(By.cssSelector("#sql-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#result table")).isEmpty());
        assertTrue(driver.findElement(By.id("result")).getText().contains("personalised"));
        screenshot("sql-rows");
        sql.clear();
        sql.sendKeys("DROP TABLE home_row");
        driver.findElement(By.cssSelector("#sql-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#result .alert")).isEmpty());
        assertTrue(driver.findElement(By.cssSelector("#result .alert")).getText().contains("only queries that read"));
        screenshot("sql-refused");
        consoleErrors(); // a 400 from fetch is logged by the browser; the page shows it as a message
    }

    @Test
    void withATokenThePageCarriesItOnEveryCall() throws Exception {
        try (CeterisServer guarded = CeterisServer.start(workspace, ServerOptions.defaults("test").withAddress("127.0.0.1", 0, "tok-123"))) {
            String base = "http://127.0.0.1:" + guarded.port() + "/";
            open(base + "?token=tok-123", "home-with-token");
            assertEquals(5, driver.findElements(By.cssSelector("a.card")).size());
            driver.findElement(By.cssSelector("a.card")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("study.html"));
            waitForCharts();
            assertTrue(driver.findElements(By.cssSelector(".alert")).isEmpty(), "the token was kept for the study page");
            assertNoConsoleErrors("study with token");
        }
    }

    @Test
    void theExportedReportWorksOffline() throws Exception {
        Path report = Files.createDirectories(Path.of("target")).resolve("report-home_row.html");
        Files.writeString(report, HtmlReport.write(workspace, "home_row"));
        String html = Files.readString(report);
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "nothing loaded from the network");
        open(report.toUri().toString(), "report-home_row");
        assertEquals(2, driver.findElements(By.cssSelector(".chart svg")).size());
        assertTrue(driver.findElements(By.id("run-now")).isEmpty(), "a report has no run button");
    }

    private void open(String address, String name) throws Exception {
        driver.get(address);
        waitForCharts();
        assertTrue(driver.findElements(By.cssSelector(".alert")).isEmpty(),
                () -> name + ": " + driver.findElements(By.cssSelector(".alert")).get(0).getText());
        screenshot(name);
        assertNoConsoleErrors(name);
    }

    /** Waits until loading is done and every chart container holds an SVG with drawn marks. */
    private void waitForCharts() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            if (!d.findElements(By.xpath("//*[text()='Loading…']")).isEmpty()) {
                return false;
            }
            Object ok = ((JavascriptExecutor) d).executeScript(
                    "var charts = document.querySelectorAll('.chart');"
                    + "for (var i = 0; i < charts.length; i++) {"
                    + "  if (charts[i].querySelector('.alert')) return true;"
                    + "  var svg = charts[i].querySelector('svg');"
                    + "  if (!svg) return false;"
                    + "  var marks = svg.querySelectorAll('.role-mark path, .role-mark line, .role-mark rect, .role-mark text');"
                    + "  if (marks.length === 0) return false;"
                    + "}"
                    + "return true;");
            return Boolean.TRUE.equals(ok);
        });
    }

    private void screenshot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    private void assertNoConsoleErrors(String page) {
        List<String> errors = consoleErrors();
        assertTrue(errors.isEmpty(), () -> page + ": console errors " + errors);
    }
}
