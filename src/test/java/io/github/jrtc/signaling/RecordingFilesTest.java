package io.github.jrtc.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot's recording file names: UTC start, the peer reduced to [A-Za-z0-9._-], -2/-3 on clash.
 */
class RecordingFilesTest {
  @TempDir Path dir;

  @Test
  void nameIsTheUtcStartAndThePeer() {
    assertThat(RecordingFiles.base(Instant.parse("2026-12-07T17:46:03.999Z"), "alice"))
        .isEqualTo("20261207T174603Z-alice");
  }

  @Test
  void peerIsReducedToSafeCharacters() {
    assertThat(RecordingFiles.safePeer("Ann-Marie_2.x")).isEqualTo("Ann-Marie_2.x");
    assertThat(RecordingFiles.safePeer("../../etc/passwd")).isEqualTo(".._.._etc_passwd");
    assertThat(RecordingFiles.safePeer("Zoë 😀 a/b\\c\n")).isEqualTo("Zo____a_b_c_");
    assertThat(RecordingFiles.safePeer("")).isEqualTo("peer");
    assertThat(RecordingFiles.safePeer(null)).isEqualTo("peer");
    assertThat(RecordingFiles.safePeer("x".repeat(500))).hasSize(64);
  }

  @Test
  void aTakenNameGetsTheNextIndexAndNeverLeavesTheDirectory() throws Exception {
    String base = RecordingFiles.base(Instant.parse("2026-12-07T17:46:03Z"), "../bob");
    Path first = RecordingFiles.reserve(dir.resolve("calls"), base, 1);
    Path second = RecordingFiles.reserve(dir.resolve("calls"), base, 1);
    Files.createFile(dir.resolve("calls").resolve(base + "-3.webm"));
    Path fourth = RecordingFiles.reserve(dir.resolve("calls"), base, 1);

    assertThat(first.getFileName()).hasToString("20261207T174603Z-.._bob.webm");
    assertThat(second.getFileName()).hasToString("20261207T174603Z-.._bob-2.webm");
    assertThat(fourth.getFileName()).hasToString("20261207T174603Z-.._bob-4.webm");
    for (Path p : new Path[] {first, second, fourth}) {
      assertThat(p.getParent()).isEqualTo(dir.resolve("calls"));
      assertThat(p).isEmptyFile();
    }
    assertThat(RecordingFiles.index(base, first)).isEqualTo(1);
    assertThat(RecordingFiles.index(base, fourth)).isEqualTo(4);
    // A call's next file starts after its last one even if an earlier name is free again.
    Files.delete(second);
    assertThat(RecordingFiles.reserve(dir.resolve("calls"), base, 5).getFileName())
        .hasToString("20261207T174603Z-.._bob-5.webm");
  }
}
