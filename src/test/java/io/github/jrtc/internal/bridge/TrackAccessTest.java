package io.github.jrtc.internal.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.jrtc.MediaStreamTrack;
import org.junit.jupiter.api.Test;

class TrackAccessTest {
  @Test
  void theTrackFactoryCannotBeSwappedAfterMediaStreamTrackRegisteredIt() throws Exception {
    Class.forName(MediaStreamTrack.class.getName(), true, MediaStreamTrack.class.getClassLoader());
    assertThatThrownBy(() -> TrackAccess.register(Object.class, source -> null, track -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already registered");
  }

  @Test
  void aTrackMadeAroundASourceGivesThatSourceBack() {
    TrackSource source = mock(TrackSource.class);
    when(source.kind()).thenReturn("video");
    when(source.id()).thenReturn("v-1");
    when(source.label()).thenReturn("frames");
    MediaStreamTrack track = TrackAccess.create(MediaStreamTrack.class, source);
    assertThat(track.kind()).isEqualTo("video");
    assertThat(track.id()).isEqualTo("v-1");
    assertThat(track.label()).isEqualTo("frames");
    assertThat(TrackAccess.sourceOf(MediaStreamTrack.class, track)).isSameAs(source);
  }

  @Test
  void onlyTheRegisteredTrackClassIsMade() {
    assertThatThrownBy(() -> TrackAccess.create(String.class, mock(TrackSource.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("java.lang.String registered no track accessors");
  }
}
