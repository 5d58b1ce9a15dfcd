package io.github.jrtc.internal.bridge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jrtc.MediaStreamTrack;
import org.junit.jupiter.api.Test;

class TrackAccessTest {
  @Test
  void theTrackFactoryCannotBeSwappedAfterMediaStreamTrackRegisteredIt() throws Exception {
    Class.forName(MediaStreamTrack.class.getName(), true, MediaStreamTrack.class.getClassLoader());
    assertThatThrownBy(() -> TrackAccess.register(source -> null, track -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already registered");
  }
}
