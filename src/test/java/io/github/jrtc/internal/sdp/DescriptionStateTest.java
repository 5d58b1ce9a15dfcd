package io.github.jrtc.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescription;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A connection's descriptions and what is derived from them, without a connection. */
class DescriptionStateTest {
  /** Sections 0 and 1 bundled, 2 on its own transport. */
  static final String THREE_SECTIONS =
      ThreeSectionSdp.SDP.replace("t=0 0\r\n", "t=0 0\r\na=ice-options:trickle\r\n");

  static final String CANDIDATE =
      "candidate:1 1 udp 2122260223 10.203.0.2 50000 typ host generation 0 ufrag aaaa";

  private final AtomicBoolean closed = new AtomicBoolean();
  private final DescriptionState state = new DescriptionState(closed::get);

  private static RTCSessionDescription offer(String sdp) {
    return new RTCSessionDescription(RTCSdpType.OFFER, sdp);
  }

  private static String dataOffer(String extraSessionLines, String extraSectionLines) {
    return "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        + extraSessionLines
        + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
        + "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\na=mid:0\r\n"
        + "a=sctp-port:5000\r\n"
        + extraSectionLines;
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void eachSideTakesOnlyNewerSnapshots() {
    Descriptions older = new Descriptions(null, offer("old-local"), null, offer("old-remote"));
    Descriptions newer = new Descriptions(null, offer("new-local"), null, offer("new-remote"));
    state.take(newer, true, false);
    state.take(older, true, true);
    assertThat(state.current().local().sdp()).as("older local ignored").isEqualTo("new-local");
    assertThat(state.current().remote().sdp())
        .as("the remote side had taken nothing yet")
        .isEqualTo("old-remote");
    state.take(newer, false, true);
    assertThat(state.current().remote().sdp()).isEqualTo("new-remote");
    assertThat(state.current().sequence()).isEqualTo(newer.sequence());
  }

  @Test
  void aClosedConnectionTakesNoSnapshot() {
    closed.set(true);
    state.take(new Descriptions(offer("x"), null, null, null), true, true);
    assertThat(state.current()).isEqualTo(Descriptions.NONE);
  }

  @Test
  void finishedGatheringAnnouncesOneEndOfCandidatesPerTransportAndMarksEverySection() {
    assertThat(state.localGatheringFinished()).as("no local description").isEmpty();
    state.take(new Descriptions(null, offer(THREE_SECTIONS), null, null), true, false);
    List<MediaSection> announced = state.localGatheringFinished();
    assertThat(announced).extracting(MediaSection::mid).containsExactly("0", "2");
    assertThat(announced).extracting(MediaSection::iceUfrag).containsExactly("aaaa", "bbbb");
    assertThat(count(state.current().local().sdp(), "a=end-of-candidates")).isEqualTo(3);

    // A later snapshot from libwebrtc keeps the markers, until gathering starts again.
    state.take(new Descriptions(offer(THREE_SECTIONS), null, null, null), true, false);
    assertThat(count(state.current().local().sdp(), "a=end-of-candidates")).isEqualTo(3);
    state.localGatheringStarted();
    state.take(new Descriptions(offer(THREE_SECTIONS), null, null, null), true, false);
    assertThat(state.current().local().sdp()).isEqualTo(THREE_SECTIONS);
  }

  @Test
  void remoteEndOfCandidatesMarksOneOrEverySectionUntilTheRemoteIsReplaced() {
    state.take(new Descriptions(null, null, offer(THREE_SECTIONS), null), false, true);
    List<MediaSection> sections = state.remoteSections();
    assertThat(sections).extracting(MediaSection::mid).containsExactly("0", "1", "2");

    state.remoteEndOfCandidates(sections.get(1));
    String one = state.current().remote().sdp();
    assertThat(count(one, "a=end-of-candidates")).isEqualTo(1);
    assertThat(one.indexOf("a=end-of-candidates"))
        .isBetween(one.indexOf("a=mid:1"), one.indexOf("m=application"));

    state.remoteEndOfCandidates(null);
    assertThat(count(state.current().remote().sdp(), "a=end-of-candidates")).isEqualTo(3);

    state.take(new Descriptions(null, null, offer(THREE_SECTIONS), null), false, true);
    assertThat(count(state.current().remote().sdp(), "a=end-of-candidates"))
        .as("kept on a newer snapshot of the same negotiation")
        .isEqualTo(3);
    state.remoteDescriptionReplaced();
    state.take(new Descriptions(null, null, offer(THREE_SECTIONS), null), false, true);
    assertThat(state.current().remote().sdp()).isEqualTo(THREE_SECTIONS);
  }

  @Test
  void anAddedRemoteCandidateShowsInTheCurrentAndPendingRemoteDescriptions() {
    state.take(
        new Descriptions(null, null, offer(THREE_SECTIONS), offer(THREE_SECTIONS)), false, true);
    MediaSection video = state.remoteSections().get(1);
    state.remoteCandidateAdded(video, CANDIDATE);
    for (RTCSessionDescription d :
        List.of(state.current().currentRemote(), state.current().pendingRemote())) {
      assertThat(d.sdp()).contains("a=" + CANDIDATE);
      assertThat(d.sdp().indexOf("a=" + CANDIDATE))
          .isBetween(d.sdp().indexOf("m=video"), d.sdp().indexOf("m=application"));
    }
    assertThat(state.current().local()).isNull();
  }

  @Test
  void remoteSectionsAreEmptyBeforeARemoteDescriptionAndFollowItsChanges() {
    assertThat(state.remoteSections()).isEmpty();
    state.take(new Descriptions(null, null, offer(dataOffer("", "")), null), false, true);
    assertThat(state.remoteSections())
        .extracting(MediaSection::kind)
        .containsExactly("application");
    state.take(new Descriptions(null, null, offer(THREE_SECTIONS), null), false, true);
    assertThat(state.remoteSections()).hasSize(3);
  }

  @Test
  void maxMessageSizeIsTheRemotesLimitCappedByLibwebrtcs() {
    assertThat(state.maxMessageSize()).as("no remote description").isEqualTo(65_536);
    long[][] cases = {{-1, 65_536}, {100_000, 100_000}, {0, 262_144}, {1_000_000, 262_144}};
    for (long[] c : cases) {
      String extra = c[0] < 0 ? "" : "a=max-message-size:" + c[0] + "\r\n";
      state.take(new Descriptions(null, null, offer(dataOffer("", extra)), null), false, true);
      assertThat(state.maxMessageSize()).as("announced %d", c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void canTrickleIsNullBeforeARemoteDescriptionThenWhatItAnnounced() {
    assertThat(state.canTrickleIceCandidates()).isNull();
    state.take(new Descriptions(null, null, offer(dataOffer("", "")), null), false, true);
    assertThat(state.canTrickleIceCandidates()).isFalse();
    state.take(
        new Descriptions(null, null, offer(dataOffer("a=ice-options:trickle\r\n", "")), null),
        false,
        true);
    assertThat(state.canTrickleIceCandidates()).isTrue();
  }
}
