package io.github.jrtc.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.ColourWindow;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.media.DisplaySurface;
import io.github.jrtc.signaling.CallBot;
import io.github.jrtc.signaling.SignalingServer;
import io.github.jrtc.signaling.TestPatternMedia;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The desktop app under Xvfb in a real call: with the in-process bot (test pattern and tone), and
 * with Debian's headless Chromium on the call page (fake camera). Each test checks that the remote
 * video plays in the window (size and non-black pixels in the remote view), that chat crosses the
 * data channel, that the stats line fills in, and saves a PNG of the window under target/.
 */
class DesktopAppIT {
  private static final Duration LONG = Duration.ofSeconds(60);

  private SignalingServer server;
  private CallBot bot;
  private DesktopWindow window;

  @BeforeAll
  static void startFx() throws Exception {
    assertThat(System.getenv("DISPLAY")).as("DISPLAY (scripts/media-services up)").isNotBlank();
    System.setProperty("prism.order", "sw");
    CountDownLatch up = new CountDownLatch(1);
    try {
      Platform.startup(up::countDown);
    } catch (IllegalStateException alreadyStarted) {
      up.countDown();
    }
    Platform.setImplicitExit(false);
    assertThat(up.await(30, TimeUnit.SECONDS)).isTrue();
  }

  @BeforeEach
  void setUp() throws Exception {
    server = SignalingServer.builder().host("127.0.0.1").port(0).build().start();
    bot =
        CallBot.builder(server.webSocketUri())
            .name("jrtc-bot")
            .media(new TestPatternMedia())
            .build();
    assertThat(bot.start().get(60, TimeUnit.SECONDS)).isEqualTo("jrtc-bot");
    window =
        fx(
            () -> {
              DesktopWindow w =
                  new DesktopWindow(new Stage(), server.webSocketUri(), "desk", false);
              w.stage.show();
              return w;
            });
    CompletableFuture<String> signedIn = fx(window::start);
    assertThat(signedIn.get(30, TimeUnit.SECONDS)).isEqualTo("desk");
  }

  @AfterEach
  void tearDown() throws Exception {
    if (window != null) {
      fx(
          () -> {
            window.stage.close();
            return null;
          });
    }
    if (bot != null) {
      bot.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void callsTheBotShowsItsVideoChatsAndShowsStats() throws Exception {
    await().atMost(LONG).until(() -> fx(() -> window.users.getItems().contains("jrtc-bot")));
    fx(
        () -> {
          window.users.getSelectionModel().select("jrtc-bot");
          window.callButton.fire();
          return null;
        });
    await()
        .atMost(LONG)
        .until(
            () ->
                fx(() -> window.session.connection()) != null
                    && window.session.connection().connectionState()
                        == RTCPeerConnectionState.CONNECTED);
    // The bot's test pattern is 640x480.
    await().atMost(LONG).until(() -> window.remote.videoWidth() == 640);
    assertThat(window.remote.videoHeight()).isEqualTo(480);
    // The local preview shows the test-pattern camera (no camera here).
    await().atMost(LONG).until(() -> window.preview.videoWidth() == 640);
    assertThat(window.preview.videoHeight()).isEqualTo(360);

    // Chat over the data channel: the bot echoes what it gets.
    await().atMost(LONG).until(() -> fx(() -> window.session.sendChat("hello from the desktop")));
    await()
        .atMost(LONG)
        .until(
            () -> fx(() -> window.chatLog.getItems().contains("jrtc-bot: hello from the desktop")));
    await().atMost(LONG).until(() -> fx(() -> window.statsLine.getText()).contains("fps"));
    await()
        .atMost(LONG)
        .until(() -> fx(() -> window.statsLine.getText()).matches("in [1-9][0-9]* kbit/s.*"));
    assertThat(bot.activeCalls()).containsExactly("desk");
    Thread.sleep(1500); // a few more frames, for the picture
    BufferedImage shot = snapshot("target/desktop-with-bot.png");
    assertRemoteVideoIsNotBlank(shot);

    fx(
        () -> {
          window.hangUpButton.fire();
          return null;
        });
    await().atMost(LONG).until(() -> bot.activeCalls().isEmpty());
    await()
        .atMost(LONG)
        .until(() -> fx(() -> window.callState.getText()).startsWith("not in a call"));
  }

  @Test
  void answersACallFromTheBot() throws Exception {
    await().atMost(LONG).until(() -> bot.users().contains("desk"));
    var connected = bot.call("desk");
    // The Answer / Decline bar is shown with the call state (the buttons themselves are always
    // "visible": their bar is what is shown or hidden).
    await()
        .atMost(LONG)
        .until(() -> fx(() -> window.callState.getText()).equals("jrtc-bot: incoming"));
    assertThat(fx(() -> window.incomingBar.isVisible())).isTrue();
    snapshot("target/desktop-incoming.png");
    fx(
        () -> {
          window.answerButton.fire();
          return null;
        });
    connected.get(60, TimeUnit.SECONDS);
    await().atMost(LONG).until(() -> window.remote.videoWidth() == 640);
    // The bot receives the desktop's test-pattern camera.
    await()
        .atMost(LONG)
        .until(
            () ->
                bot.receivedMedia("desk") != null && bot.receivedMedia("desk").videoFrames() > 10);
    fx(
        () -> {
          window.hangUpButton.fire();
          return null;
        });
    await().atMost(LONG).until(() -> bot.activeCalls().isEmpty());
  }

  @Test
  void callsChromiumOnTheCallPage() throws Exception {
    Path profile = Files.createTempDirectory("jrtc-chromium-");
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
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    try {
      driver.manage().timeouts().pageLoadTimeout(LONG).scriptTimeout(LONG);
      driver.get(server.uri().toString());
      driver.findElement(By.id("name")).sendKeys("browser");
      driver.findElement(By.id("login")).click();
      await().atMost(LONG).until(() -> fx(() -> window.users.getItems().contains("browser")));
      fx(
          () -> {
            window.session.call("browser");
            return null;
          });
      await()
          .atMost(LONG)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  "connected"
                      .equals(
                          ((JavascriptExecutor) driver)
                              .executeScript("return window.jrtcPage.state")));
      // Chromium's fake camera is 640x480.
      await().atMost(LONG).until(() -> window.remote.videoWidth() == 640);
      await().atMost(LONG).until(() -> fx(() -> window.session.sendChat("hello browser")));
      await()
          .atMost(LONG)
          .until(
              () ->
                  String.valueOf(
                          ((JavascriptExecutor) driver)
                              .executeScript("return JSON.stringify(window.jrtcPage.dcReceived)"))
                      .contains("hello browser"));
      // The page shows what the desktop sends: the test-pattern camera.
      await()
          .atMost(LONG)
          .until(
              () ->
                  ((Number)
                              ((JavascriptExecutor) driver)
                                  .executeScript(
                                      "return document.getElementById('received_video').videoWidth"))
                          .intValue()
                      == 640);
      await().atMost(LONG).until(() -> fx(() -> window.statsLine.getText()).contains("fps"));
      Thread.sleep(1500);
      BufferedImage shot = snapshot("target/desktop-with-chromium.png");
      assertRemoteVideoIsNotBlank(shot);
      Files.write(
          Path.of("target/desktop-with-chromium-page.png"),
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      fx(
          () -> {
            window.session.hangUp();
            return null;
          });
      await()
          .atMost(LONG)
          .until(
              () ->
                  !"connected"
                      .equals(
                          ((JavascriptExecutor) driver)
                              .executeScript("return window.jrtcPage.state")));
    } finally {
      driver.quit();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** At least a fifth of the remote view's pixels are far from its dark background. */
  @Test
  void sharesAWindowPickedFromTheList() throws Exception {
    List<String> before = DisplaySurface.windows().stream().map(DisplaySurface::deviceId).toList();
    try (ColourWindow win = ColourWindow.open(320, 240, "#00ff00")) {
      DisplaySurface picked =
          fx(
              () -> {
                window.refreshShareSources();
                assertThat(window.shareSources.getItems().get(0))
                    .isEqualTo(DesktopWindow.ENTIRE_SCREEN);
                return window.shareSources.getItems().stream()
                    .filter(s -> s.deviceId() != null && !before.contains(s.deviceId()))
                    .filter(s -> s.label().equals("jrtc colour window"))
                    .findFirst()
                    .orElse(null);
              });
      assertThat(picked).as("the window in the Share list").isNotNull();
      assertThat(picked.label()).isEqualTo("jrtc colour window");
      fx(
          () -> {
            window.shareSources.setValue(picked);
            window.shareButton.fire();
            return null;
          });
      // The preview shows what is shared: the window, 320x240, green.
      await().atMost(LONG).until(() -> fx(() -> window.preview.videoWidth()) == 320);
      Bounds b = fx(() -> window.preview.localToScene(window.preview.getBoundsInLocal()));
      await()
          .atMost(LONG)
          .untilAsserted(
              () -> {
                BufferedImage shot = snapshot("target/desktop-share-window.png");
                int rgb = shot.getRGB((int) b.getCenterX(), (int) b.getCenterY());
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int bl = rgb & 0xff;
                assertThat(g)
                    .as("green of the preview's centre (r %d, b %d)", r, bl)
                    .isGreaterThan(180);
                assertThat(r).isLessThan(80);
                assertThat(bl).isLessThan(80);
              });
      assertThat(fx(() -> window.shareSources.getConverter().toString(picked)))
          .isEqualTo("Window: jrtc colour window (320x240)");
      fx(
          () -> {
            window.shareButton.fire(); // stop sharing: the camera (test pattern) again
            return null;
          });
      await().atMost(LONG).until(() -> fx(() -> window.preview.videoWidth()) != 320);
    }
  }

  private void assertRemoteVideoIsNotBlank(BufferedImage shot) throws Exception {
    javafx.geometry.Bounds b =
        fx(() -> window.remote.localToScene(window.remote.getBoundsInLocal()));
    int bright = 0;
    int total = 0;
    for (int y = (int) b.getMinY() + 2; y < b.getMaxY() - 2; y += 4) {
      for (int x = (int) b.getMinX() + 2; x < b.getMaxX() - 2; x += 4) {
        int rgb = shot.getRGB(x, y);
        int sum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        total++;
        if (sum > 120) {
          bright++;
        }
      }
    }
    assertThat(bright).as("bright pixels of %d in the remote view", total).isGreaterThan(total / 5);
  }

  private BufferedImage snapshot(String file) throws Exception {
    Image image = fx(() -> window.stage.getScene().snapshot(null));
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
      }
    }
    Path path = Path.of(file);
    Files.createDirectories(path.toAbsolutePath().getParent());
    ImageIO.write(out, "png", path.toFile());
    return out;
  }

  private static <T> T fx(Callable<T> body) throws Exception {
    CompletableFuture<T> out = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            out.complete(body.call());
          } catch (Throwable t) { // NOPMD: handed to the test thread
            out.completeExceptionally(t);
          }
        });
    return out.get(30, TimeUnit.SECONDS);
  }
}
