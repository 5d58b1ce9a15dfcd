package io.github.jrtc.desktop;

import io.github.jrtc.MediaDeviceInfo;
import io.github.jrtc.MediaDeviceKind;
import io.github.jrtc.MediaStream;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.Navigator;
import io.github.jrtc.javafx.VideoView;
import io.github.jrtc.media.DisplaySurface;
import io.github.jrtc.signaling.SignalingClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop call window: users on the left (double-click or "Call"), the remote video large in
 * the middle with the local preview mirrored in its corner, chat on the right, and the call's
 * controls (hang up, mute, camera off, share screen, device pickers) with a stats line at the
 * bottom. Built and used on the FX application thread only.
 */
final class DesktopWindow implements CallSession.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(DesktopWindow.class);

  final Stage stage;
  final CallSession session;
  final LocalMedia media = new LocalMedia();
  final VideoView remote = new VideoView();
  final VideoView preview = new VideoView();
  final ListView<String> users = new ListView<>();
  final ListView<String> chatLog = new ListView<>();
  final TextField chatText = new TextField();
  final Button callButton = new Button("Call");
  final Button hangUpButton = new Button("Hang up");
  final Button answerButton = new Button("Answer");
  final Button declineButton = new Button("Decline");
  final ToggleButton muteButton = new ToggleButton("Mute");
  final ToggleButton cameraOffButton = new ToggleButton("Camera off");
  final ToggleButton shareButton = new ToggleButton("Share");

  /** What Share shares: the entire screen (first) or one window, listed again on each opening. */
  final ComboBox<DisplaySurface> shareSources = new ComboBox<>();

  final ComboBox<MediaDeviceInfo> microphones = new ComboBox<>();
  final ComboBox<MediaDeviceInfo> cameras = new ComboBox<>();
  final ComboBox<MediaDeviceInfo> speakers = new ComboBox<>();
  final Label title = new Label();
  final Label callState = new Label("not in a call");
  final Label statsLine = new Label(" ");
  private final Label incomingLabel = new Label();
  final VBox incomingBar;
  private final Timeline statsTimer;
  private String myName;

  DesktopWindow(Stage stage, URI signaling, String name, boolean autoAnswer) {
    this.stage = stage;
    SignalingClient client = SignalingClient.builder(signaling).name(name).build();
    this.session = new CallSession(client, media, Platform::runLater, this, autoAnswer);
    this.myName = name;

    remote.setBackground(fill(Color.rgb(16, 16, 16)));
    preview.mirror(true);
    preview.setBackground(fill(Color.rgb(40, 40, 40)));
    preview.setMaxSize(240, 135);
    preview.setPrefSize(240, 135);
    preview.srcObject(media.preview());
    StackPane videos = new StackPane(remote, preview, callState);
    StackPane.setAlignment(preview, Pos.BOTTOM_RIGHT);
    StackPane.setMargin(preview, new Insets(12));
    StackPane.setAlignment(callState, Pos.TOP_LEFT);
    StackPane.setMargin(callState, new Insets(8));
    callState.setTextFill(Color.WHITE);
    callState.setStyle(
        "-fx-font-size: 14px; -fx-background-color: rgba(0,0,0,0.5); -fx-padding: 4;");
    videos.setMinSize(320, 180);

    answerButton.setMinWidth(Region.USE_PREF_SIZE);
    declineButton.setMinWidth(Region.USE_PREF_SIZE);
    incomingLabel.setStyle("-fx-font-weight: bold;");
    incomingBar = new VBox(4, incomingLabel, new HBox(6, answerButton, declineButton));
    incomingBar.setVisible(false);
    incomingBar.setManaged(false);
    callButton.setOnAction(e -> session.call(users.getSelectionModel().getSelectedItem()));
    users.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            session.call(users.getSelectionModel().getSelectedItem());
          }
        });
    hangUpButton.setOnAction(e -> session.hangUp());
    answerButton.setOnAction(e -> session.answer());
    declineButton.setOnAction(e -> session.decline());
    hangUpButton.setDisable(true);
    VBox left =
        new VBox(6, bold("Users"), users, new HBox(6, callButton, hangUpButton), incomingBar);
    VBox.setVgrow(users, Priority.ALWAYS);
    left.setPrefWidth(200);

    Button send = new Button("Send");
    send.setOnAction(e -> sendChat());
    chatText.setOnAction(e -> sendChat());
    HBox chatInput = new HBox(6, chatText, send);
    HBox.setHgrow(chatText, Priority.ALWAYS);
    VBox right = new VBox(6, bold("Chat"), chatLog, chatInput);
    VBox.setVgrow(chatLog, Priority.ALWAYS);
    right.setPrefWidth(260);

    muteButton.setOnAction(e -> media.mute(muteButton.isSelected()));
    cameraOffButton.setOnAction(e -> media.cameraOff(cameraOffButton.isSelected()));
    shareButton.setOnAction(e -> share(shareButton.isSelected()));
    shareSources.setConverter(SURFACE_LABELS);
    shareSources.setPrefWidth(190);
    refreshShareSources();
    shareSources.setOnShowing(e -> refreshShareSources());
    // Another surface picked while sharing: share that one instead.
    shareSources.setOnAction(
        e -> {
          if (!refreshingSources && shareButton.isSelected() && shareSources.getValue() != null) {
            share(true);
          }
        });
    for (ComboBox<MediaDeviceInfo> box : List.of(microphones, cameras, speakers)) {
      box.setConverter(LABELS);
      box.setPrefWidth(170);
    }
    microphones.setOnAction(e -> switchMicrophone());
    cameras.setOnAction(e -> switchCamera());
    speakers.setOnAction(
        e -> {
          MediaDeviceInfo d = speakers.getValue();
          if (d != null) {
            session.speaker(d.deviceId());
          }
        });
    HBox controls =
        new HBox(
            8,
            muteButton,
            cameraOffButton,
            shareButton,
            shareSources,
            new Label("Mic"),
            microphones,
            new Label("Camera"),
            cameras,
            new Label("Speaker"),
            speakers);
    controls.setAlignment(Pos.CENTER_LEFT);
    VBox bottom = new VBox(4, controls, statsLine);

    BorderPane root = new BorderPane(videos, title, right, bottom, left);
    root.setPadding(new Insets(8));
    BorderPane.setMargin(videos, new Insets(0, 8, 8, 8));
    BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
    stage.setScene(new Scene(root, 1280, 720));
    updateTitle("connecting");

    statsTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> session.pollStats()));
    statsTimer.setCycleCount(Animation.INDEFINITE);
    statsTimer.play();
    stage.setOnHidden(e -> close());
  }

  /** Signs in and opens the default microphone and camera (test pattern if none). */
  CompletableFuture<String> start() {
    Navigator.mediaDevices().ondevicechange(e -> Platform.runLater(this::refreshDevices));
    refreshDevices();
    var unused =
        media
            .openMicrophone(null)
            .thenAcceptAsync(media::useMicrophone, Platform::runLater)
            .exceptionally(
                err -> {
                  Platform.runLater(() -> chat("system", "no microphone: " + err.getMessage()));
                  return null;
                });
    var alsoUnused =
        media
            .openCamera(null)
            .thenAcceptAsync(media::useCamera, Platform::runLater)
            .exceptionally(err -> null);
    return session
        .connect()
        .whenComplete(
            (n, err) ->
                Platform.runLater(
                    () -> {
                      if (err == null) {
                        myName = n;
                        updateTitle("signed in");
                      } else {
                        updateTitle("cannot sign in: " + err.getMessage());
                      }
                    }));
  }

  private void refreshDevices() {
    var unused =
        Navigator.mediaDevices()
            .enumerateDevices()
            .thenAcceptAsync(this::showDevices, Platform::runLater)
            .exceptionally(err -> null);
  }

  private void showDevices(List<MediaDeviceInfo> devices) {
    List<MediaDeviceInfo> mics = new ArrayList<>();
    List<MediaDeviceInfo> cams = new ArrayList<>();
    List<MediaDeviceInfo> outs = new ArrayList<>();
    for (MediaDeviceInfo d : devices) {
      switch (d.kind()) {
        case AUDIOINPUT -> mics.add(d);
        case VIDEOINPUT -> cams.add(d);
        case AUDIOOUTPUT -> outs.add(d);
        default -> {}
      }
    }
    cams.add(
        new MediaDeviceInfo(
            TestPatternCamera.DEVICE_ID, MediaDeviceKind.VIDEOINPUT, "Test pattern", ""));
    replaceItems(microphones, mics);
    replaceItems(cameras, cams);
    replaceItems(speakers, outs);
  }

  /** Replaces a picker's items keeping its selection (by deviceId) without firing a switch. */
  private static void replaceItems(ComboBox<MediaDeviceInfo> box, List<MediaDeviceInfo> items) {
    MediaDeviceInfo selected = box.getValue();
    var handler = box.getOnAction();
    box.setOnAction(null);
    box.getItems().setAll(items);
    MediaDeviceInfo keep =
        items.stream()
            .filter(d -> selected != null && d.deviceId().equals(selected.deviceId()))
            .findFirst()
            .orElse(null);
    if (keep == null && !items.isEmpty()) {
      keep = items.get(0);
    }
    box.setValue(keep);
    box.setOnAction(handler);
  }

  private void switchMicrophone() {
    MediaDeviceInfo d = microphones.getValue();
    if (d == null) {
      return;
    }
    var unused =
        media
            .openMicrophone(d.deviceId())
            .thenAcceptAsync(
                t -> {
                  media.useMicrophone(t);
                  session.replaceTrack(t);
                },
                Platform::runLater)
            .exceptionally(err -> report("microphone", err));
  }

  private void switchCamera() {
    MediaDeviceInfo d = cameras.getValue();
    if (d == null) {
      return;
    }
    var unused =
        media
            .openCamera(d.deviceId())
            .thenAcceptAsync(
                t -> {
                  media.useCamera(t);
                  if (!media.sharing()) {
                    session.replaceTrack(t);
                  }
                },
                Platform::runLater)
            .exceptionally(err -> report("camera", err));
  }

  private void share(boolean on) {
    if (!on) {
      media.stopScreen();
      preview.mirror(true);
      session.replaceTrack(media.videoTrack());
      return;
    }
    var unused =
        media
            .openScreen(shareSources.getValue())
            .thenAcceptAsync(
                t -> {
                  media.useScreen(t);
                  // A shared screen is shown as it is, not as a mirror.
                  preview.mirror(false);
                  session.replaceTrack(t);
                  t.onended(e -> Platform.runLater(() -> shareButton.setSelected(false)));
                },
                Platform::runLater)
            .exceptionally(
                err -> {
                  Platform.runLater(() -> shareButton.setSelected(false));
                  return report("screen", err);
                });
  }

  private boolean refreshingSources; // FX thread

  /** The entry for the whole screen: getDisplayMedia without a deviceId. */
  static final DisplaySurface ENTIRE_SCREEN =
      new DisplaySurface(null, "Entire screen", "monitor", 0, 0);

  private static final StringConverter<DisplaySurface> SURFACE_LABELS =
      new StringConverter<>() {
        @Override
        public String toString(DisplaySurface s) {
          if (s == null) {
            return "";
          }
          return s.deviceId() == null
              ? s.label()
              : "Window: " + s.label() + " (" + s.width() + "x" + s.height() + ")";
        }

        @Override
        public DisplaySurface fromString(String text) {
          return null;
        }
      };

  /** Lists the screen and the windows again, keeping the choice while its window exists. */
  void refreshShareSources() {
    refreshingSources = true;
    try {
      listShareSources();
    } finally {
      refreshingSources = false;
    }
  }

  private void listShareSources() {
    DisplaySurface chosen = shareSources.getValue();
    List<DisplaySurface> all = new ArrayList<>();
    all.add(ENTIRE_SCREEN);
    all.addAll(DisplaySurface.windows());
    shareSources.getItems().setAll(all);
    DisplaySurface keep = ENTIRE_SCREEN;
    for (DisplaySurface s : all) {
      if (chosen != null && Objects.equals(s.deviceId(), chosen.deviceId())) {
        keep = s;
      }
    }
    shareSources.setValue(keep);
  }

  private Void report(String what, Throwable err) {
    Throwable cause = err.getCause() != null ? err.getCause() : err;
    Platform.runLater(() -> chat("system", what + ": " + cause.getMessage()));
    return null;
  }

  private void sendChat() {
    String text = chatText.getText();
    if (text != null && !text.isBlank() && session.sendChat(text)) {
      chatText.clear();
    }
  }

  // ------------------------------------------------------------------ CallSession.Listener

  @Override
  public void signaling(String state) {
    updateTitle(state);
  }

  @Override
  public void users(List<String> list) {
    String selected = users.getSelectionModel().getSelectedItem();
    users.getItems().setAll(list.stream().filter(u -> !u.equals(myName)).toList());
    if (selected != null) {
      users.getSelectionModel().select(selected);
    }
  }

  @Override
  public void incoming(String from) {
    incomingLabel.setText("Call from " + from);
    incomingBar.setVisible(true);
    incomingBar.setManaged(true);
  }

  @Override
  public void callState(String peer, String state) {
    boolean over = state.startsWith("ended");
    callState.setText(over ? "not in a call (" + peer + ": " + state + ")" : peer + ": " + state);
    hangUpButton.setDisable(over);
    callButton.setDisable(!over && !state.equals("incoming"));
    if (!state.equals("incoming")) {
      incomingBar.setVisible(false);
      incomingBar.setManaged(false);
    }
    if (over) {
      statsLine.setText(" ");
    }
  }

  @Override
  public void remoteStream(MediaStream stream) {
    remote.srcObject(stream);
  }

  @Override
  public void chat(String who, String text) {
    chatLog.getItems().add(who + ": " + text);
    chatLog.scrollTo(chatLog.getItems().size() - 1);
  }

  @Override
  public void stats(String line) {
    statsLine.setText(line);
  }

  private void updateTitle(String state) {
    String t = "jrtc desktop · " + myName + " · " + state;
    title.setText(t);
    stage.setTitle(t);
  }

  void close() {
    statsTimer.stop();
    session.close();
    remote.srcObject(null);
    preview.srcObject(null);
    media.close();
  }

  /** The currently sent video track, for tests. */
  MediaStreamTrack sentVideo() {
    return media.videoTrack();
  }

  private static Label bold(String text) {
    Label l = new Label(text);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  private static Background fill(Color c) {
    return new Background(new BackgroundFill(c, null, null));
  }

  private static final StringConverter<MediaDeviceInfo> LABELS =
      new StringConverter<>() {
        @Override
        public String toString(MediaDeviceInfo d) {
          return d == null ? "" : d.label().isEmpty() ? d.deviceId() : d.label();
        }

        @Override
        public MediaDeviceInfo fromString(String s) {
          return null;
        }
      };
}
