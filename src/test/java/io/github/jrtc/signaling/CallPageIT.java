package io.github.jrtc.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The README's flow end to end in a real browser: Debian's headless Chromium (fake camera and
 * microphone) opens the call page served by an in-process {@link SignalingServer}, signs in, calls
 * the in-process {@link CallBot}, and the two connect; text sent on the page's data channel comes
 * back from the bot; hang-up ends the call on both sides. Runs inside the test network namespace
 * (the IT JVM does, and chromedriver/chromium inherit it).
 */
class CallPageIT {
  private static final Duration LONG = Duration.ofSeconds(90);

  private SignalingServer server;
  private CallBot bot;
  private WebDriver driver;
  private Path profile;
  private final List<BotEvent> botEvents = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    server = SignalingServer.builder().host("127.0.0.1").port(0).build().start();
    bot =
        CallBot.builder(server.webSocketUri())
            .name("jrtc-bot")
            .media(new TestPatternMedia())
            .build();
    bot.onevent(botEvents::add);
    assertThat(bot.start().get(60, TimeUnit.SECONDS)).isEqualTo("jrtc-bot");

    profile = Files.createTempDirectory("jrtc-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    // The driver is Debian's, named explicitly: Selenium Manager must never try to download one.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(LONG).scriptTimeout(LONG);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (bot != null) {
      bot.close();
    }
    if (server != null) {
      server.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  @Test
  void aBrowserCallsTheBotConnectsGetsItsTextEchoedAndHangsUp() throws Exception {
    driver.get(server.uri().toString());
    driver.findElement(By.id("name")).sendKeys("alice");
    driver.findElement(By.id("login")).click();
    await().atMost(LONG).until(() -> server.users().containsAll(List.of("alice", "jrtc-bot")));
    WebElement botEntry =
        await()
            .atMost(LONG)
            .until(
                () -> driver.findElements(By.cssSelector("#userlist li[data-user='jrtc-bot']")),
                l -> !l.isEmpty())
            .get(0);
    botEntry.click();

    await()
        .atMost(LONG)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> "connected".equals(js("return window.jrtcPage.state")));
    RTCPeerConnection botSide = bot.connection("alice");
    assertThat(botSide).isNotNull();
    await().atMost(LONG).until(() -> botSide.connectionState() == RTCPeerConnectionState.CONNECTED);
    assertThat(bot.activeCalls()).containsExactly("alice");

    await().atMost(LONG).until(() -> driver.findElement(By.id("dc-send")).isEnabled());
    String text = "hello bot, \u00e9t\u00e9 \u2603 " + System.nanoTime();
    driver.findElement(By.id("dc-text")).sendKeys(text);
    driver.findElement(By.id("dc-send")).click();
    await()
        .atMost(LONG)
        .until(
            () ->
                String.valueOf(js("return JSON.stringify(window.jrtcPage.dcReceived)"))
                    .contains(text));
    assertThat(botEvents).anyMatch(e -> e.kind() == BotEvent.Kind.MESSAGE && e.text().equals(text));
    // The echo is the same text, unchanged, on the page's own channel.
    assertThat(js("return window.jrtcPage.dcReceived[window.jrtcPage.dcReceived.length - 1]"))
        .isEqualTo(text);
    assertThat(js("return window.jrtcPage.dc().label")).isEqualTo("chat");

    // The page's fake camera and microphone go to the bot.
    Object localTracks = js("return window.jrtcPage.pc().getSenders().filter(s => s.track).length");
    assertThat(((Number) localTracks).intValue()).isEqualTo(2);

    // The bot's test pattern plays in the page, with frames advancing.
    await()
        .atMost(LONG)
        .until(() -> ((Number) js("return window.jrtcPage.remoteFrames")).longValue() > 30);
    long framesBefore = ((Number) js("return window.jrtcPage.remoteFrames")).longValue();
    Thread.sleep(3000);
    long framesAfter = ((Number) js("return window.jrtcPage.remoteFrames")).longValue();
    assertThat(framesAfter - framesBefore).as("page frames in 3 s").isGreaterThan(15);
    assertThat(js("return document.getElementById('received_video').videoWidth")).isEqualTo(640L);
    assertThat(js("return document.getElementById('received_video').paused")).isEqualTo(false);
    // A pixel of the pattern, not a black frame: sample the middle row on a canvas.
    Object bright =
        js(
            "const v = document.getElementById('received_video');"
                + "const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;"
                + "const g = c.getContext('2d'); g.drawImage(v, 0, 0);"
                + "const d = g.getImageData(0, c.height / 2, c.width, 1).data; let max = 0;"
                + "for (let i = 0; i < d.length; i += 4) max = Math.max(max, d[i] + d[i+1] + d[i+2]);"
                + "return max;");
    assertThat(((Number) bright).intValue()).isGreaterThan(400);

    // And the bot receives Chromium's fake camera frames and its beeping microphone.
    await().atMost(LONG).until(() -> bot.receivedMedia("alice").videoFrames() > 30);
    await().atMost(LONG).until(() -> bot.receivedMedia("alice").audibleChunks() > 5);
    ReceivedMedia got = bot.receivedMedia("alice");
    assertThat(got.width()).isPositive();
    assertThat(got.maxAudioLevel()).isGreaterThan(0.01);
    System.out.printf(
        "call page: page played %d frames in 3 s; bot received %s%n",
        framesAfter - framesBefore, got);

    Thread.sleep(1500); // let the stats line refresh once for the screenshot
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of("target", "call-page.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);

    driver.findElement(By.id("hangup-button")).click();
    await().atMost(LONG).until(() -> bot.activeCalls().isEmpty());
    assertThat(js("return window.jrtcPage.state")).isEqualTo("closed");
    // The bot reports ENDED after its clean-up, which starts by leaving activeCalls().
    await()
        .atMost(LONG)
        .untilAsserted(
            () ->
                assertThat(botEvents)
                    .anyMatch(
                        e ->
                            e.kind() == BotEvent.Kind.ENDED
                                && "alice".equals(e.peer())
                                && e.text().contains("hung up")));
    assertThat(server.isRunning()).isTrue();
  }
}
