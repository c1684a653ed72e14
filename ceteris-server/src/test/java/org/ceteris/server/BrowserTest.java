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
        assertEquals(TestWorkspace.STUDIES, cards.size());
        String home = cards.get(0).getText();
        assertTrue(home.contains("home_row") && home.contains("Clear increase") && home.contains("likely between"), home);
        assertTrue(cards.get(2).getText().contains("Check the data"), cards.get(2).getText());
        assertTrue(cards.get(3).getText().contains("Not run yet"), cards.get(3).getText());
        long withRuns = cards.stream().filter(c -> !c.getText().contains("Not run yet")).count();
        assertTrue(withRuns >= TestWorkspace.RUN.size());
        long withNumbers = cards.stream().filter(c -> !c.findElements(By.cssSelector("p.headline")).isEmpty()).count();
        String dag = driver.findElement(By.cssSelector("a.card[data-study='referral_dag'] p.gist")).getText();
        assertTrue(dag.startsWith("According to this diagram") && dag.endsWith("trial_minutes."), "a card without a number shows the gist: " + dag);
        assertTrue(withNumbers >= 3 && withNumbers < withRuns, "the DAG studies have no headline number");
        long twoOrMore = cards.stream().filter(c -> !c.findElements(By.cssSelector("p.headline")).isEmpty()
                && c.getText().matches("(?s).* · \\d+ runs.*")).count();
        assertTrue(twoOrMore < withNumbers, "some cards with a number have one run only");
        assertEquals(twoOrMore, driver.findElements(By.cssSelector(".spark svg")).size(),
                "a sparkline on every card with two or more runs, and only there");
        WebElement once = driver.findElement(By.cssSelector("a.card[data-study='one_run']"));
        assertTrue(once.findElements(By.cssSelector(".spark svg")).isEmpty(), "one run is no trend: " + once.getText());
    }

    /**
     * A product manager's morning: cards led by the study's question (the id below it), the verdict in
     * words coloured by whether the change is good for the metric's direction (a fall in inactivity is
     * good), and a study address to paste into chat. Also at a phone's width: nothing wider than the screen.
     */
    @Test
    void cardsLeadWithTheQuestionAndColourTheVerdictByWhatIsBetter() throws Exception {
        open(url(""), "home-1280");
        WebElement home = driver.findElement(By.cssSelector("a.card[data-study='home_row']"));
        assertEquals("Which home-page row ranking makes members watch more?", home.findElement(By.tagName("h2")).getText());
        assertEquals("home_row", home.findElement(By.cssSelector(".card-id code")).getText());
        assertTrue(home.findElement(By.cssSelector(".badge")).getAttribute("class").contains("good"));
        WebElement referral = driver.findElement(By.cssSelector("a.card[data-study='referral']"));
        WebElement badge = referral.findElement(By.cssSelector(".badge"));
        assertEquals("Clear decrease: better", badge.getText());
        assertTrue(badge.getAttribute("class").contains("good"), "lower inactivity is good: " + badge.getAttribute("class"));
        assertEquals("Do referred members stay active because of the referral?", referral.findElement(By.tagName("h2")).getText());
        assertEquals("referral_dag", driver.findElement(By.cssSelector("a.card[data-study='referral_dag'] h2")).getText(),
                "a study without a question keeps its id as title");
        assertTrue(referral.getAttribute("href").endsWith("/studies/referral"), referral.getAttribute("href"));

        open(url("studies/referral"), "study-pretty-url");
        assertEquals("Do referred members stay active because of the referral?", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.cssSelector("p.summary")).getText().contains("inactive 30"));
        assertTrue(driver.findElement(By.cssSelector(".study-head .badge")).getAttribute("class").contains("good"));
        open(url("study.html?name=referral"), "study-old-url");
        assertEquals("Do referred members stay active because of the referral?", driver.findElement(By.tagName("h1")).getText());

        driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        try {
            for (String page : List.of("", "studies/referral", "studies/billboard", "sql.html")) {
                open(url(page), "phone-" + (page.isEmpty() ? "home" : page.replace('/', '-').replace(".html", "")));
                long scroll = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
                long inner = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
                assertTrue(scroll <= inner, page + " is " + scroll + " px wide on a " + inner + " px screen");
            }
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2200));
        }
    }

    @Test
    void eventsAreListedOnTheHomePageAndAsATimelineOnTheStudyPage() throws Exception {
        open(url(""), "home-events");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#events li.event")).isEmpty());
        String home = driver.findElement(By.id("events")).getText();
        assertTrue(home.contains("sample-ratio mismatch") && home.contains("skewed_split"), home);
        assertTrue(home.contains("arm demoted") && home.contains("artwork_test"), home);
        open(url("study.html?name=skewed_split"), "study-timeline");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#timeline li.event, #timeline p")).isEmpty());
        List<WebElement> items = driver.findElements(By.cssSelector("#timeline li.event"));
        assertEquals(1, items.size(), "one change of verdict for this study: " + driver.findElement(By.id("timeline")).getText());
        assertEquals("srm", items.get(0).getAttribute("data-kind"));
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
    void decisionsShowOnCardsAndStudyPagesWithBayesianGuardrailAndQuantileParts() throws Exception {
        open(url(""), "home-decisions");
        WebElement badge = driver.findElement(By.cssSelector("a.card[data-study='home_row'] .badge.decision"));
        assertTrue(badge.getText().startsWith("Decision: "), badge.getText());
        assertTrue(List.of("ship", "do_not_ship", "keep_running", "inconclusive").contains(badge.getAttribute("data-decision")));
        assertEquals(1, driver.findElements(By.cssSelector("a.card[data-study='artwork_test'] .badge.decision")).size(),
                "a sequential study has a decision too");
        assertTrue(driver.findElements(By.cssSelector("a.card[data-study='launch'] .badge.decision")).isEmpty(),
                "a difference-in-differences study makes no ship decision");

        open(url("study.html?name=home_row"), "study-home_row-decision");
        WebElement decision = driver.findElement(By.id("decision"));
        String reasons = decision.getText();
        assertTrue(reasons.contains("Decision: ") && reasons.contains("Guardrail returned") && reasons.contains("traffic split"), reasons);
        assertTrue(decision.findElements(By.cssSelector("ul.reasons li")).size() >= 4, reasons);
        String bayes = driver.findElement(By.id("bayesian-table")).getText();
        assertTrue(bayes.contains("chance to win") && bayes.contains("risk of choosing it") && bayes.contains("personalised vs control"), bayes);
        String guards = driver.findElement(By.id("guardrail-table")).getText();
        assertTrue(guards.contains("returned") && guards.contains("-10.0%"), guards);
        String forest = driver.findElement(By.cssSelector(".chart[data-title^='Change compared with control'] svg")).getText();
        assertTrue(forest.contains("90th percentile"), "the quantile metric is a row of the forest plot: " + forest);

        open(url("study.html?name=artwork_test"), "study-artwork_test-decision");
        assertTrue(driver.findElement(By.id("decision")).getText().contains("Decision: "));
    }

    @Test
    void didStudyShowsTheEventStudyWithTheBeforePeriodShaded() throws Exception {
        open(url("study.html?name=launch"), "study-launch");
        assertEquals(2, driver.findElements(By.cssSelector(".chart svg")).size(), "event study and history");
        WebElement chart = driver.findElement(By.cssSelector(".chart[data-title='Effect by time since the change'] svg"));
        assertTrue(chart.getText().contains("periods since"), chart.getText());
        assertEquals(1, chart.findElements(By.cssSelector("g.mark-rect.role-mark path")).size(), "the before-period band");
        assertTrue(chart.findElements(By.cssSelector("g.mark-symbol.role-mark path")).size() >= 5, "a dot per period");
    }

    @Test
    void interactionsStudyShowsEachPairsInteraction() throws Exception {
        open(url("study.html?name=concurrent"), "study-concurrent");
        // the scan has no single headline number, so no history chart: the forest plot only
        WebElement forest = driver.findElement(By.cssSelector(".chart[data-title^='Do overlapping experiments'] svg"));
        assertTrue(forest.findElements(By.cssSelector("g.mark-symbol.role-mark path")).size() >= 3, forest.getText());
        assertTrue(driver.findElement(By.cssSelector("p.summary")).getText().length() > 40);
    }

    @Test
    void observeStudyShowsTheEffectAndALovePlot() throws Exception {
        open(url("study.html?name=referral"), "study-referral");
        assertEquals(3, driver.findElements(By.cssSelector(".chart svg")).size(), "effect, love plot and history");
        WebElement love = driver.findElement(By.cssSelector(".chart[data-title^='Were the groups alike'] svg"));
        // a dot before and after adjusting for each of the four covariates
        int rows = driver.findElements(By.cssSelector("table tbody tr")).size();
        assertTrue(rows >= 4, "a balance row per covariate (country as one row per level)");
        assertEquals(2 * rows, love.findElements(By.cssSelector("g.mark-symbol.role-mark path")).size(), love.getText());
        for (String covariate : List.of("age", "trial minutes", "friends on service", "country US")) {
            assertTrue(love.getText().contains(covariate), covariate + " in " + love.getText());
        }
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("alike after (within ±0.1)"));
        // the study's better: lower makes its clear fall in inactivity green, as the badge says; it used to be drawn red
        WebElement effect = driver.findElement(By.cssSelector(".chart[data-title^='Estimated effect'] svg"));
        int coloured = 0;
        for (WebElement mark : effect.findElements(By.cssSelector("g.mark-symbol.role-mark path, g.mark-rule.role-mark line"))) {
            String colour = mark.getAttribute("fill") + " " + mark.getAttribute("stroke");
            if (!colour.contains("#8a919e")) { // the dashed zero line
                assertTrue(colour.contains("#1b8a5a"), "a good fall is green, got " + colour);
                coloured++;
            }
        }
        assertEquals(2, coloured, "the interval and the dot");
    }

    @Test
    void sequentialStudyShowsIntervalsPerLookWithDemotionsMarked() throws Exception {
        open(url("study.html?name=artwork_test"), "study-artwork_test");
        WebElement chart = driver.findElement(By.cssSelector(".chart[data-title^='Each variant against control'] svg"));
        String text = chart.getText();
        for (String arm : List.of("bold_title", "dark_moody", "lead_closeup", "ensemble")) {
            assertTrue(text.contains(arm), arm + " in " + text);
        }
        assertTrue(text.contains("dropped"), "the demoted arms are marked: " + text);
        assertTrue(chart.findElements(By.cssSelector("g.mark-area.role-mark path")).size() >= 1, "the interval bands");
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("dropped variant"), "the table of demotions");
    }

    @Test
    void synthStudyShowsActualVsSyntheticTheGapAndThePlaceboCheck() throws Exception {
        open(url("study.html?name=billboard"), "study-billboard");
        WebElement twin = driver.findElement(By.cssSelector(".chart[data-title^='Lakeview against its synthetic twin'] svg"));
        assertTrue(twin.getText().contains("change starts") && twin.getText().contains("synthetic Lakeview"), twin.getText());
        assertEquals(2, twin.findElements(By.cssSelector("g.mark-line.role-mark path")).size(), "actual and synthetic");
        WebElement gap = driver.findElement(By.cssSelector(".chart[data-title^='The gap'] svg"));
        assertTrue(gap.findElements(By.cssSelector("g.mark-line.role-mark path")).size() >= 1);
        WebElement placebo = driver.findElement(By.cssSelector(".chart[data-title^='Does Lakeview stand out'] svg"));
        assertTrue(placebo.findElements(By.cssSelector("g.mark-symbol.role-mark path")).size() > 10, "a dot per comparison city");
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("comparison unit"), "the weights table");
    }

    @Test
    void dagStudyDrawsTheDiagramWithTheAdjustmentSet() throws Exception {
        open(url("study.html?name=referral_dag"), "study-referral_dag");
        WebElement svg = driver.findElement(By.cssSelector(".dag-svg svg"));
        assertEquals(7, svg.findElements(By.cssSelector("g.node")).size(), "every variable of the diagram");
        assertTrue(svg.findElements(By.cssSelector("g.edge")).size() >= 11);
        String lead = driver.findElement(By.cssSelector("p.lead")).getText();
        assertTrue(lead.startsWith("Adjust for country, friends on service and trial minutes"), lead);
        long amber = svg.findElements(By.cssSelector("g.node polygon")).stream()
                .filter(p -> "#f6d68b".equalsIgnoreCase(p.getAttribute("fill"))).count();
        assertEquals(3, amber, "the three adjusted variables are filled");
        open(url("study.html?name=hidden_confounder"), "study-hidden_confounder");
        String blocked = driver.findElement(By.cssSelector("p.lead")).getText();
        assertTrue(blocked.startsWith("Not identifiable"), blocked);
        assertEquals(3, driver.findElements(By.cssSelector(".dag-svg svg g.node")).size());
        open(url("study.html?name=nothing_to_adjust"), "study-nothing_to_adjust");
        String none = driver.findElement(By.cssSelector("p.lead")).getText();
        assertTrue(none.startsWith("No adjustment needed"), none);
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("(nothing)"), "the empty set is listed");
    }

    @Test
    void aDagReportDrawsTheDiagramOffline() throws Exception {
        Path report = Files.createDirectories(Path.of("target")).resolve("report-referral_dag.html");
        Files.writeString(report, HtmlReport.write(workspace, "referral_dag"));
        open(report.toUri().toString(), "report-referral_dag");
        assertEquals(7, driver.findElements(By.cssSelector(".dag-svg svg g.node")).size());
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
        assertTrue(driver.findElements(By.cssSelector(".chart svg")).size() >= 8, "did (3 designs), interactions, synth (3), sequential");
        WebElement sequential = driver.findElement(By.cssSelector(".chart[data-title='sequential 0'] svg"));
        assertTrue(sequential.getText().contains("dropped") && sequential.getText().contains("winner"),
                "the demotion and the winner are marked: " + sequential.getText());
        WebElement synth = driver.findElement(By.cssSelector(".chart[data-title='synth 0'] svg"));
        assertTrue(synth.getText().contains("change starts"), "the treatment time is marked: " + synth.getText());
        WebElement dated = driver.findElement(By.cssSelector(".chart[data-title='synth 1'] svg"));
        List<String> labels = dated.findElements(By.cssSelector("text")).stream().map(t -> t.getAttribute("textContent")).toList();
        assertTrue(labels.contains("change starts") && labels.contains("2026-02-01") && labels.contains("2026-03-08"),
                "dates (ticks on a UTC time axis), the treatment date marked: " + labels);
        assertEquals(2, dated.findElements(By.cssSelector("g.mark-line.role-mark path")).size(), "actual and synthetic over dates");
    }

    /** Issue 21: the live loop on the dashboard — each arm's traffic share day by day, revisions marked — at 1280 and 375 px. */
    @Test
    void liveLoopPageChartsTrafficSharePerArmWithRevisionsMarked() throws Exception {
        atBothWidths(width -> {
            open(url("study.html?name=live_loop"), "study-live_loop-" + width);
            WebElement box = showChart(".chart[data-title^='Who got which artwork']", "study-live_loop-chart-" + width);
            WebElement svg = box.findElement(By.cssSelector("svg"));
            assertEquals(5, svg.findElements(By.cssSelector("g.mark-line.role-mark path")).size(), "a line per arm: " + svg.getText());
            assertTrue(svg.getText().contains("rev 2"), "the first revision is marked: " + svg.getText());
            assertTrue(driver.findElement(By.cssSelector("p.summary")).getText().startsWith("Demoted: "), "the verdict names the dropped arms");
            assertTrue(driver.getPageSource().contains("dropped at the look of"), "the table of arms");
            assertNothingScrollsSideways(box);
        });
    }

    /** Item 5 of issue 22 on the billboard case: the study page of the next test's design, at 1280 and 375 px (screenshots kept). */
    @Test
    void geoDesignStudyPageShowsTheRecommendedTestWithItsPowerCurve() throws Exception {
        atBothWidths(width -> {
            open(url("study.html?name=next_billboard_test"), "study-next_billboard_test-" + width);
            WebElement box = showChart(".chart[data-title^='How likely the next test in']", "study-next_billboard_test-curve-" + width);
            WebElement svg = box.findElement(By.cssSelector("svg"));
            assertTrue(svg.getText().contains("80% power") && svg.getText().contains("MDE +"), svg.getText());
            assertEquals(1, svg.findElements(By.cssSelector("g.mark-line.role-mark path")).size(), "one power curve");
            assertEquals(3, svg.findElements(By.cssSelector("g.mark-symbol.role-mark path")).size(), "a dot per requested lift");
            String lead = driver.findElement(By.cssSelector("p.lead")).getText();
            assertTrue(lead.startsWith("Smallest lift detected 80% of the time: +"), lead);
            assertTrue(driver.findElement(By.cssSelector("p.summary")).getText().startsWith("Testing "), "the verdict names the test set");
            assertNothingScrollsSideways(box);
        });
    }

    /**
     * Item 5 of issue 22 on the billboard case: the second wave's study page, at 1280 and 375 px — each city's
     * effect in % and in sign-ups (on the phone, % beside the bar and both in the table), the effect against urban share with the model's line, the best candidates
     * with their ranges, and the tables (effects, the trait model in words and numbers, every candidate).
     */
    @Test
    void billboardExpansionPageShowsEffectsInPercentTheTraitAndTheRankedCandidates() throws Exception {
        atBothWidths(width -> {
            open(url("study.html?name=billboard_expansion"), "study-billboard_expansion-" + width);
            WebElement effects = driver.findElement(By.cssSelector(".chart[data-title='The effect in each treated unit']"));
            assertEquals(4, effects.findElements(By.cssSelector("g.mark-rect.role-mark path")).size(), "a bar per treated city");
            List<String> labels = effects.findElements(By.cssSelector("g.mark-text.role-mark text")).stream()
                    .map(t -> t.getAttribute("textContent")).toList();
            assertEquals(4, labels.size(), labels.toString());
            // on a phone a bar's label is the percent alone (the table has both), so that it fits beside the bar
            String label = width == 375 ? "\\+\\d+(\\.\\d+)?%" : "\\+\\d+(\\.\\d+)?% \\(\\+\\d+(\\.\\d+)?\\)";
            assertTrue(labels.stream().allMatch(l -> l.matches(label)), "each bar says the effect in % (and in sign-ups): " + labels);
            WebElement trait = driver.findElement(By.cssSelector(".chart[data-title='Does the effect grow with urban share?']"));
            assertEquals(4 + 55, trait.findElements(By.cssSelector("g.mark-symbol.role-mark path")).size(),
                    "the four treated cities and the 55 candidates");
            WebElement next = showChart(".chart[data-title^='Where next: the 12 best candidates']", "study-billboard_expansion-candidates-" + width);
            assertEquals(12, next.findElements(By.cssSelector("g.mark-symbol.role-mark path")).size(), "a dot per candidate");
            assertEquals(12, next.findElements(By.cssSelector("g.mark-rule.role-mark line")).size(), "a range per candidate");
            List<String> leads = driver.findElements(By.cssSelector("p.lead")).stream().map(WebElement::getText).toList();
            assertTrue(leads.get(0).startsWith("Yes: +") && leads.get(0).contains("signups per 100k per unit of urban share"), leads.toString());
            List<WebElement> candidates = driver.findElements(By.cssSelector("table#candidates tbody tr"));
            assertEquals(55, candidates.size(), "every city that never had a billboard");
            String first = candidates.get(0).findElements(By.tagName("td")).get(1).getText();
            assertTrue(leads.get(1).startsWith("Best candidate: " + first + ", predicted +"), leads + " / " + first);
            assertTrue(driver.findElement(By.id("trait-model")).getText().startsWith("Cities with more urban share gained more"),
                    driver.findElement(By.id("trait-model")).getText());
            assertEquals(2, driver.findElements(By.cssSelector("table#coefficients tbody tr")).size(), "the baseline and urban share");
            List<WebElement> rows = driver.findElements(By.cssSelector("table#effects tbody tr"));
            assertEquals(4, rows.size());
            assertTrue(rows.stream().allMatch(r -> r.findElements(By.tagName("td")).get(2).getAttribute("textContent").matches("\\+\\d+(\\.\\d+)?%")),
                    "the effect in percent of every city");
            assertNothingScrollsSideways(effects, trait, next);
        });
    }

    /** Item 5 of issue 22: the power curve of the recommended geo test, at a desktop and a phone width (screenshots kept). */
    @Test
    void geoDesignViewDrawsThePowerCurveWithThe80PercentLineAndTheMde() throws Exception {
        atBothWidths(width -> {
            open(url("test/views-harness.html"), "geo-design-" + width);
            WebElement box = showChart(".chart[data-title='geo-design 0']", "geo-design-power-curve-" + width);
            WebElement svg = box.findElement(By.cssSelector("svg"));
            String text = svg.getText();
            assertTrue(text.contains("80% power") && text.contains("MDE +8.8%"), "the 80% line and the MDE are labelled: " + text);
            assertEquals(1, svg.findElements(By.cssSelector("g.mark-line.role-mark path")).size(), "one power curve");
            assertEquals(2, svg.findElements(By.cssSelector("g.mark-symbol.role-mark path")).size(), "a dot per requested lift");
            assertEquals(2, svg.findElements(By.cssSelector("g.mark-rule.role-mark line")).size(),
                    "the 80% line and the MDE line");
            String body = driver.findElement(By.tagName("body")).getText();
            assertTrue(body.contains("none up to +100%") && body.contains("Dunmore"), "the ranked sets and the donors are listed");
            double right = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return arguments[0].getBoundingClientRect().right;", box)).doubleValue();
            long inner = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
            assertTrue(right <= inner + 0.5, "the chart box fits a " + inner + " px screen: right edge " + right);
            assertShowsWhole(box);
        });
    }

    @Test
    void runNowAddsARun() throws Exception {
        open(url("study.html?name=run_from_api"), "study-run-before");
        String before = driver.findElement(By.cssSelector(".study-head")).getText();
        int runs = ((Number) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[0]; Ceteris.api('api/studies/run_from_api').then(function (s) { done(s.runs); });")).intValue();
        String expected = (runs + 1) + " run" + (runs == 0 ? "" : "s") + " stored";
        driver.findElement(By.id("run-now")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.cssSelector(".study-head")).getText().equals(before));
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
            assertEquals(TestWorkspace.STUDIES, driver.findElements(By.cssSelector("a.card")).size());
            driver.findElement(By.cssSelector("a.card")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/studies/"));
            waitForCharts();
            // the timeline loads after the charts: closing the server before it answers would leave a refused
            // request in the console log, which the next page's check would then report as its own
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#timeline > *")).isEmpty());
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

    /** The chart box {@code selector} finds, scrolled into view, and a screenshot {@code shot} of it. */
    private WebElement showChart(String selector, String shot) throws Exception {
        WebElement box = driver.findElement(By.cssSelector(selector));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", box);
        screenshot(shot);
        return box;
    }

    /** A check of a page at a given window width. */
    interface WidthCheck {
        void at(int width) throws Exception;
    }

    /** Runs {@code check} at a desktop and a phone width (1280 and 375 px); the window is 1280 px wide again after. */
    private void atBothWidths(WidthCheck check) throws Exception {
        for (int width : new int[] {1280, 375}) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, width == 375 ? 812 : 2200));
            try {
                check.at(width);
            } finally {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2200));
            }
        }
    }

    /** The page is no wider than the window, and each chart box shows its whole chart. */
    private void assertNothingScrollsSideways(WebElement... boxes) {
        long scroll = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
        long inner = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
        assertTrue(scroll <= inner, "the page is " + scroll + " px wide on a " + inner + " px screen");
        for (WebElement box : boxes) {
            assertShowsWhole(box);
        }
    }

    /** The chart box shows its whole chart without scrolling sideways. */
    private void assertShowsWhole(WebElement box) {
        long overflow = (Long) ((JavascriptExecutor) driver).executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth;", box);
        assertTrue(overflow <= 0, box.getAttribute("data-title") + ": the whole chart shows without scrolling sideways: " + overflow + " px hidden");
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
                    + "  var marks = svg.querySelectorAll('.role-mark path, .role-mark line, .role-mark rect, .role-mark text, g.node');"
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
