package io.github.jrtc.internal.bridge;

import io.github.jrtc.MediaStreamTrack;
import java.util.function.Function;

/**
 * How internal code creates a public {@link MediaStreamTrack} around a {@link TrackSource} and gets
 * the source back, without a public constructor that would expose an internal type. {@code
 * MediaStreamTrack} registers the two functions when its class initialises.
 */
public final class TrackAccess {
  private static volatile Function<TrackSource, MediaStreamTrack> create;
  private static volatile Function<MediaStreamTrack, TrackSource> sourceOf;

  private TrackAccess() {}

  /**
   * Called once, by {@code MediaStreamTrack}'s static initialiser. A second registration is
   * refused: nothing may swap how tracks are made (the package is not exported either, so only
   * jrtc's own classes reach this).
   */
  public static synchronized void register(
      Function<TrackSource, MediaStreamTrack> creator,
      Function<MediaStreamTrack, TrackSource> source) {
    if (create != null) {
      throw new IllegalStateException("MediaStreamTrack's accessors are already registered");
    }
    sourceOf = source;
    create = creator;
  }

  public static MediaStreamTrack create(TrackSource source) {
    ensureInitialized();
    return create.apply(source);
  }

  public static TrackSource sourceOf(MediaStreamTrack track) {
    ensureInitialized();
    return sourceOf.apply(track);
  }

  private static void ensureInitialized() {
    if (create == null) {
      try {
        Class.forName(
            MediaStreamTrack.class.getName(), true, MediaStreamTrack.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
