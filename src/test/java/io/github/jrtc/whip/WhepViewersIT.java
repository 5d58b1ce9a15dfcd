package io.github.jrtc.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.jrtc.whip.server.SessionInfo;
import io.github.jrtc.whip.server.WhipServer;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two WHEP viewers at once of a live WHIP session, inside the namespace: WhipClient publishes into
 * WhipServer; jrtc's WhepClient and headless Chromium (a plain fetch-based WHEP page) both play it
 * and must both decode frames and hear the tone.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WhepViewersIT {
  private static final Logger LOG = LoggerFactory.getLogger(WhepViewersIT.class);
  private static final Path LOGS = Path.of("target/whip-logs");
  private static final String TOKEN = "viewer-token";

  @Test
  void jrtcAndChromiumPlayALiveWhipPublish() throws Exception {
    Path profile = Files.createTempDirectory("jrtc-chromium-whep-");
    HttpServer origin =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] page = WhepViewersIT.class.getResourceAsStream("/whip/whep_player.html").readAllBytes();
    origin.createContext(
        "/",
        x -> {
          x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          x.sendResponseHeaders(200, page.length);
          x.getResponseBody().write(page);
          x.close();
        });
    origin.start();
    ChromeDriver driver = null;
    TestMedia media = null;
    WhipSession publisher = null;
    try (WhipServer server =
        WhipServer.builder().host("127.0.0.1").port(0).token(TOKEN).build().start()) {
      // The publisher: jrtc's WhipClient (FFmpeg 8.1's sessions end after about 16 s, see
      // WhipPublishersIT), a moving bar and a tone.
      media = new TestMedia();
      publisher =
          WhipClient.builder()
              .bearerToken(TOKEN)
              .build()
              .publish(server.whipUri(), media.stream())
              .get(60, TimeUnit.SECONDS);
      String id = publisher.resource().getPath().substring("/whip/".length());

      WhepSession jrtc =
          WhepClient.builder()
              .bearerToken(TOKEN)
              .build()
              .play(server.whepUri(id))
              .get(60, TimeUnit.SECONDS);
      LOG.info("WhepClient set-up {} ms", jrtc.setupTime().toMillis());

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
          "--autoplay-policy=no-user-gesture-required",
          "--window-size=800,700",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File("/usr/bin/chromedriver"))
              .usingAnyFreePort()
              .build();
      driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      driver.get("http://127.0.0.1:" + origin.getAddress().getPort() + "/");
      JavascriptExecutor js = driver;
      @SuppressWarnings("unchecked")
      Map<String, Object> played =
          (Map<String, Object>)
              js.executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "whepPlay(arguments[0], arguments[1]).then(done,"
                      + " e => done({error: String(e)}));",
                  server.whepUri(id).toString(),
                  TOKEN);
      assertThat(played).doesNotContainKey("error");
      LOG.info("Chromium WHEP set-up {} ms", played.get("setupMs"));
      assertThat(server.viewerCount()).isEqualTo(2);

      try (ReceivedCounter counter = new ReceivedCounter(jrtc.stream())) {
        ChromeDriver d = driver;
        java.util.concurrent.atomic.AtomicReference<String> seen =
            new java.util.concurrent.atomic.AtomicReference<>();
        await()
            .atMost(Duration.ofSeconds(40))
            .alias("both viewers receive media (last seen: see the log)")
            .conditionEvaluationListener(
                c -> {
                  if (c.getRemainingTimeInMS() < 1000) {
                    LOG.info("last seen: {}", seen.get());
                  }
                })
            .until(
                () -> {
                  Map<String, Object> s = chromiumStats(d);
                  seen.set(
                      "jrtc frames "
                          + counter.frames.get()
                          + " audible "
                          + counter.audible.get()
                          + "; chromium "
                          + s);
                  return counter.frames.get() > 60
                      && counter.audible.get() > 100
                      && ((Number) s.get("framesDecoded")).longValue() > 60
                      && ((Number) s.get("audioRms")).doubleValue() > 0.05;
                });
        Map<String, Object> s = chromiumStats(driver);
        LOG.info(
            "jrtc viewer: {} frames, {} audible chunks; Chromium: {}",
            counter.frames.get(),
            counter.audible.get(),
            s);
        assertThat(counter.width).isEqualTo(320);
        assertThat(((Number) s.get("width")).intValue()).isEqualTo(320);
      }
      Files.createDirectories(LOGS);
      Files.copy(
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
          LOGS.resolve("chromium-whep.png"),
          StandardCopyOption.REPLACE_EXISTING);
      Object deleted =
          js.executeAsyncScript(
              "const done = arguments[arguments.length - 1]; whepStop().then(done, e => done(String(e)));");
      assertThat(((Number) deleted).intValue()).isEqualTo(200);
      jrtc.close();
      await().atMost(Duration.ofSeconds(10)).until(() -> server.viewerCount() == 0);
      List<SessionInfo> left = server.sessions();
      assertThat(left).hasSize(1);
    } finally {
      if (driver != null) {
        driver.quit();
      }
      if (publisher != null) {
        publisher.close();
      }
      if (media != null) {
        media.close();
      }
      origin.stop(0);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> chromiumStats(ChromeDriver driver) {
    return (Map<String, Object>)
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1]; whepStats().then(done,"
                + " e => done({error: String(e)}));");
  }
}
